/// A statement normalised from a JSON policy or an `aws_iam_policy_document` statement block.
public struct PolicyStatement: Sendable, Hashable {
    /// Allow or Deny.
    public enum Effect: Sendable, Hashable {
        case allow
        case deny
    }

    /// The Sid; empty when absent, nil when known only after apply.
    public var sid: String?
    /// The effect; nil when known only after apply. A statement without one allows.
    public var effect: Effect?
    /// `Action`, or `NotAction` when `actionsNegated`.
    public var actions: PatternList
    public var actionsNegated: Bool
    /// `Resource`, or `NotResource` when `resourcesNegated`; empty when the statement names neither.
    public var resources: PatternList
    public var resourcesNegated: Bool
    /// `Principal`, or `NotPrincipal` when `principalsNegated`.
    public var principals: [PolicyPrincipal]
    public var principalsNegated: Bool
    /// True when the principals, or how many there are, are known only after apply.
    public var principalsUnknown: Bool
    public var conditions: [PolicyCondition]
    /// True when the conditions, or how many there are, are known only after apply.
    public var conditionsUnknown: Bool
    /// `.true` when the statement is certainly in the document; `.unknown` when a merge might replace it.
    public var presence: Tristate

    /// A statement from its parts; absent parts are empty.
    public init(
        sid: String? = "", effect: Effect? = .allow, actions: PatternList = PatternList([]), actionsNegated: Bool = false,
        resources: PatternList = PatternList([]), resourcesNegated: Bool = false, principals: [PolicyPrincipal] = [],
        principalsNegated: Bool = false, principalsUnknown: Bool = false, conditions: [PolicyCondition] = [],
        conditionsUnknown: Bool = false, presence: Tristate = .true
    ) {
        self.sid = sid
        self.effect = effect
        self.actions = actions
        self.actionsNegated = actionsNegated
        self.resources = resources
        self.resourcesNegated = resourcesNegated
        self.principals = principals
        self.principalsNegated = principalsNegated
        self.principalsUnknown = principalsUnknown
        self.conditions = conditions
        self.conditionsUnknown = conditionsUnknown
        self.presence = presence
    }

    /// Whether the statement allows (a statement known only maybe to be present allows at most unknown).
    public var allows: Tristate {
        guard let effect else { return .unknown }
        return presence && Tristate(effect == .allow)
    }

    /// Whether the statement denies.
    public var denies: Tristate {
        guard let effect else { return .unknown }
        return presence && Tristate(effect == .deny)
    }

    /// Whether the statement carries a condition.
    public var hasCondition: Tristate {
        if !conditions.isEmpty { return .true }
        return conditionsUnknown ? .unknown : .false
    }

    /// Whether `Resource` names `*` (a `NotResource` statement names no resource).
    public var hasWildcardResource: Tristate {
        resourcesNegated ? .false : resources.contains("*")
    }

    /// Whether `Action` names `name` literally (a `NotAction` statement names no action).
    public func names(action name: String) -> Tristate {
        actionsNegated ? .false : actions.contains(name)
    }

    /// True when every field a permissions question reads is known: the effect, presence, every action, whether
    /// a resource is `*`, and whether there is a condition.
    public var isKnown: Bool {
        effect != nil && presence == .true && !actions.hasUnknown && hasWildcardResource != .unknown
            && hasCondition != .unknown
    }
}
