import Model

/// The names of one statement field (actions, resources, identifiers, condition values), with whether some are
/// known only after apply.
public struct PatternList: Sendable, Hashable {
    /// The known names, as written.
    public var values: [String]
    /// True when the field, or one of its elements, is known only after apply.
    public var hasUnknown: Bool

    /// A list of known names, or one with unknown elements.
    public init(_ values: [String], hasUnknown: Bool = false) {
        self.values = values
        self.hasUnknown = hasUnknown
    }

    /// Whether `name` is one of the values (case-insensitively); unknown when it is not but some value is unknown.
    public func contains(_ name: String) -> Tristate {
        let lower = name.lowercased()
        if values.contains(where: { $0.lowercased() == lower }) { return .true }
        return hasUnknown ? .unknown : .false
    }

    /// Whether some value satisfies `test`; unknown when none does but some value is unknown.
    public func any(_ test: (String) -> Bool) -> Tristate {
        if values.contains(where: test) { return .true }
        return hasUnknown ? .unknown : .false
    }

    /// A string, number, bool or list of those; nil when the value is of another shape.
    static func read(_ value: Value) -> PatternList? {
        if !value.isKnown { return PatternList([], hasUnknown: true) }
        if let items = value.elements {
            var out = PatternList([])
            for item in items {
                if !item.isKnown {
                    out.hasUnknown = true
                    continue
                }
                guard let text = scalarText(item) else { return nil }
                out.values.append(text)
            }
            return out
        }
        if value.isNull { return PatternList([]) }
        return scalarText(value).map { PatternList([$0]) }
    }

    /// Terraform's string form of a scalar.
    private static func scalarText(_ value: Value) -> String? {
        switch value {
        case .string(let s): return s
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return Value.formatNumber(n)
        default: return nil
        }
    }
}
