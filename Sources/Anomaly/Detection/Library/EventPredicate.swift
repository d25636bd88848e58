/// Which events a detection looks at: the service and event names, the outcome (so refused calls are told apart
/// from successful ones), the kind of principal, and conditions on request fields.
public struct EventPredicate: Sendable, Hashable {
    /// Which outcomes of a call count.
    public enum Outcome: String, Sendable, Hashable, CaseIterable {
        /// The call succeeded (the default: a refused `StopLogging` stopped nothing).
        case success
        /// The call failed for any reason.
        case failure
        /// The call was refused for lack of permission.
        case denied
        /// Every call, whatever its outcome.
        case any
    }

    public var cloud: ActivityEvent.Cloud
    /// Services (`cloudtrail`, `microsoft.compute`); empty for any.
    public var services: Set<String>
    /// Event names (CloudTrail `eventName`, versioned names included; Azure operation names in lower case); empty
    /// for any.
    public var events: Set<String>
    public var outcome: Outcome
    /// Error codes that count (implies a failed call); empty for any.
    public var errorCodes: Set<String>
    /// Kinds of principal that count; empty for any.
    public var principalTypes: Set<ActivityEvent.PrincipalType>
    /// Console sign-ins only (true), never (false), or either (nil).
    public var consoleLogin: Bool?
    /// Sessions with (true) or without (false) MFA; nil for either. An event that does not say never matches.
    public var mfa: Bool?
    /// Conditions that must all hold.
    public var all: [FieldCondition]
    /// Conditions of which at least one must hold (when any are given).
    public var any: [FieldCondition]
    /// Conditions none of which may hold.
    public var none: [FieldCondition]

    /// A predicate from its parts; by default every successful event of `cloud`.
    public init(
        cloud: ActivityEvent.Cloud, services: Set<String> = [], events: Set<String> = [], outcome: Outcome = .success,
        errorCodes: Set<String> = [], principalTypes: Set<ActivityEvent.PrincipalType> = [], consoleLogin: Bool? = nil,
        mfa: Bool? = nil, all: [FieldCondition] = [], any: [FieldCondition] = [], none: [FieldCondition] = []
    ) {
        self.cloud = cloud
        self.services = services
        self.events = cloud == .azure ? Set(events.map { $0.lowercased() }) : events
        self.outcome = outcome
        self.errorCodes = errorCodes
        self.principalTypes = principalTypes
        self.consoleLogin = consoleLogin
        self.mfa = mfa
        self.all = all
        self.any = any
        self.none = none
    }

    /// Whether `event` is one this predicate looks at.
    public func matches(_ event: ActivityEvent) -> Bool {
        guard event.cloud == cloud else { return false }
        if !events.isEmpty && !events.contains(event.action) { return false }
        if !services.isEmpty && !services.contains(event.service) { return false }
        switch outcome {
        case .success: if event.failed { return false }
        case .failure: if !event.failed { return false }
        case .denied: if !event.accessDenied { return false }
        case .any: break
        }
        if !errorCodes.isEmpty {
            guard let code = event.errorCode, errorCodes.contains(code) else { return false }
        }
        if !principalTypes.isEmpty && !principalTypes.contains(event.principalType) { return false }
        if let consoleLogin, event.consoleLogin != consoleLogin { return false }
        if let mfa, event.mfa != mfa { return false }
        if !all.allSatisfy({ $0.holds(for: event) }) { return false }
        if !any.isEmpty && !any.contains(where: { $0.holds(for: event) }) { return false }
        if none.contains(where: { $0.holds(for: event) }) { return false }
        return true
    }
}
