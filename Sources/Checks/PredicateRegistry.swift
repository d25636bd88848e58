import Model

/// A named Swift test used by `{predicate: name}` conditions; receives the attribute value (`.null` when absent,
/// the whole resource as an object when the condition names no attribute).
public struct Predicate: Sendable {
    public let name: String
    /// Data source attributes whose value, when known only after apply, the predicate decides from the data
    /// source's own arguments instead (the data source is passed as an object).
    public let rendersFrom: [RenderedAttribute]
    public let evaluate: @Sendable (Value) -> Outcome

    /// Wraps a closure as a predicate.
    public init(name: String, rendersFrom: [RenderedAttribute] = [], evaluate: @escaping @Sendable (Value) -> Outcome) {
        self.name = name
        self.rendersFrom = rendersFrom
        self.evaluate = evaluate
    }
}

/// An attribute a data source renders from its arguments, such as `aws_iam_policy_document.json`.
public struct RenderedAttribute: Hashable, Sendable {
    public let type: String
    public let attribute: String

    /// The attribute `attribute` of data sources of type `type`.
    public init(type: String, attribute: String) {
        self.type = type
        self.attribute = attribute
    }
}

/// The predicates check files may name; an unknown name is a load error.
public struct PredicateRegistry: Sendable {
    private var predicates: [String: Predicate]

    /// A registry holding exactly `predicates`.
    public init(_ predicates: [Predicate] = []) {
        var table: [String: Predicate] = [:]
        for p in predicates { table[p.name] = p }
        self.predicates = table
    }

    /// The built-in predicates: IAM wildcard admin, S3 insecure-transport deny, open security rules and ACLs.
    public static let standard = PredicateRegistry(PolicyPredicates.all + NetworkACLPredicates.all)

    /// The predicate called `name`, if registered.
    public func predicate(named name: String) -> Predicate? { predicates[name] }

    /// Adds or replaces a predicate.
    public mutating func register(_ predicate: Predicate) { predicates[predicate.name] = predicate }

    /// Registered names, sorted, for error messages.
    public var names: [String] { predicates.keys.sorted() }
}
