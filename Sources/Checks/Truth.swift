/// Kleene three-valued truth: a condition that reads an unknown value can be neither passed nor failed.
public enum Truth: Sendable, Hashable {
    case `true`
    case `false`
    case unknown

    /// Lifts a two-valued answer.
    @inlinable public init(_ value: Bool) { self = value ? .true : .false }

    /// Kleene negation: unknown stays unknown.
    @inlinable public var negated: Truth {
        switch self {
        case .true: return .false
        case .false: return .true
        case .unknown: return .unknown
        }
    }

    /// Kleene conjunction: false dominates, then unknown.
    @inlinable public static func && (lhs: Truth, rhs: @autoclosure () -> Truth) -> Truth {
        if lhs == .false { return .false }
        let r = rhs()
        if r == .false { return .false }
        return (lhs == .unknown || r == .unknown) ? .unknown : .true
    }

    /// Kleene disjunction: true dominates, then unknown.
    @inlinable public static func || (lhs: Truth, rhs: @autoclosure () -> Truth) -> Truth {
        if lhs == .true { return .true }
        let r = rhs()
        if r == .true { return .true }
        return (lhs == .unknown || r == .unknown) ? .unknown : .false
    }
}

/// The truth of a condition together with a human-readable note of which attribute and value decided it.
public struct Outcome: Sendable, Hashable {
    public var truth: Truth
    public var evidence: String

    /// Pairs a truth with its evidence.
    public init(_ truth: Truth, _ evidence: String) {
        self.truth = truth
        self.evidence = evidence
    }
}
