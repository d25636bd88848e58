/// Three-valued truth for policy questions: a question that reads a value known only after apply is unknown.
public enum Tristate: Sendable, Hashable {
    case `true`
    case `false`
    case unknown

    /// Lifts a two-valued answer.
    public init(_ value: Bool) { self = value ? .true : .false }

    /// Kleene negation.
    public var negated: Tristate {
        switch self {
        case .true: return .false
        case .false: return .true
        case .unknown: return .unknown
        }
    }

    /// Kleene conjunction: false dominates, then unknown.
    public static func && (lhs: Tristate, rhs: @autoclosure () -> Tristate) -> Tristate {
        if lhs == .false { return .false }
        let r = rhs()
        if r == .false { return .false }
        return (lhs == .unknown || r == .unknown) ? .unknown : .true
    }

    /// Kleene disjunction: true dominates, then unknown.
    public static func || (lhs: Tristate, rhs: @autoclosure () -> Tristate) -> Tristate {
        if lhs == .true { return .true }
        let r = rhs()
        if r == .true { return .true }
        return (lhs == .unknown || r == .unknown) ? .unknown : .false
    }
}

/// The answer to one question about a policy, with a note of what decided it.
public struct PolicyAnswer: Sendable, Hashable {
    public var truth: Tristate
    public var evidence: String

    /// Pairs a truth with its evidence.
    public init(_ truth: Tristate, _ evidence: String) {
        self.truth = truth
        self.evidence = evidence
    }
}
