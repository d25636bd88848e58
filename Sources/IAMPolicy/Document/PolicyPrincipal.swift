/// One principal of a statement: `*` (anyone), or a type (`AWS`, `Service`, `Federated`, `CanonicalUser`) with its
/// identifiers.
public struct PolicyPrincipal: Sendable, Hashable {
    /// `*` for `"Principal": "*"`, else the type as written (`AWS`, `Service`, `Federated`, `CanonicalUser`).
    public var type: String
    public var identifiers: PatternList
    /// True when the type itself is known only after apply.
    public var typeUnknown: Bool

    /// A principal of `type` with `identifiers`.
    public init(type: String, identifiers: PatternList, typeUnknown: Bool = false) {
        self.type = type
        self.identifiers = identifiers
        self.typeUnknown = typeUnknown
    }

    /// Whether this is of type `name` (case-insensitively); unknown when the type is.
    public func isType(_ name: String) -> Tristate {
        if typeUnknown { return .unknown }
        return Tristate(type.lowercased() == name.lowercased())
    }

    /// Whether the principal is anyone: `"*"`, or an `AWS` principal with identifier `*`.
    public var isAnyone: Tristate {
        if typeUnknown { return identifiers.contains("*") && .unknown }
        if type == "*" { return .true }
        guard type.lowercased() == "aws" else { return .false }
        return identifiers.contains("*")
    }
}

/// One condition test: an operator (`StringEquals`, `ForAnyValue:StringLike`, …) applied to a key with values.
public struct PolicyCondition: Sendable, Hashable {
    public var `operator`: String
    public var key: String
    public var values: PatternList

    /// The test `operator` on `key` against `values`.
    public init(operator: String, key: String, values: PatternList) {
        self.operator = `operator`
        self.key = key
        self.values = values
    }

    /// The operator without set qualifiers (`ForAnyValue:`, `ForAllValues:`) and without the `IfExists` suffix,
    /// lower-cased.
    public var baseOperator: String {
        var op = `operator`.lowercased()
        for prefix in ["foranyvalue:", "forallvalues:"] where op.hasPrefix(prefix) { op.removeFirst(prefix.count) }
        if op.hasSuffix("ifexists") { op.removeLast("ifexists".count) }
        return op
    }
}
