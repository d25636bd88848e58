/// Everything one principal did in one time window, accumulated event by event.
public struct ActivityWindow: Sendable, Hashable {
    public let principal: String
    public let start: Double
    public let end: Double
    public var principalType: ActivityEvent.PrincipalType
    public var cloud: ActivityEvent.Cloud
    public var account: String
    public var events = 0
    public var writes = 0
    public var errors = 0
    public var denied = 0
    public var rootCalls = 0
    public var consoleWithoutMFA = 0
    /// Calls per action.
    public var actions: [String: Int] = [:]
    public var services: Set<String> = []
    public var regions: Set<String> = []
    public var sourceIPs: Set<String> = []
    public var userAgents: Set<String> = []
    /// Calls per sensitive action (from the catalog).
    public var sensitive: [String: Int] = [:]
    /// Per sensitive action, the first few distinct resources it touched (for the alert text).
    public var sensitiveResources: [String: [String]] = [:]
    /// Per sensitive action, how many distinct resources it touched (counted up to `maxTrackedResources`).
    public var sensitiveResourceCounts: [String: Int] = [:]

    /// Resources listed per action in an alert.
    public static let maxListedResources = 5
    /// Distinct resources remembered per action to count them; beyond it the count is a lower bound.
    public static let maxTrackedResources = 1024
    var seenResources: [String: Set<String>] = [:]
    /// Whether the window holds identity-administration writes (marks the principal as privileged).
    public var privilegedWrites = 0

    /// An empty window of `principal`, typed after its first event (not yet added).
    public init(principal: String, start: Double, end: Double, first: ActivityEvent) {
        self.principal = principal
        self.start = start
        self.end = end
        self.principalType = first.principalType
        self.cloud = first.cloud
        self.account = first.account
    }

    /// Adds one event of this principal inside the window.
    public mutating func add(_ e: ActivityEvent, catalog: SensitiveActionCatalog) {
        events += 1
        if !e.readOnly { writes += 1 }
        if e.failed { errors += 1 }
        if e.accessDenied { denied += 1 }
        if e.principalType == .root { rootCalls += 1 }
        if e.consoleLogin && e.mfa == false && !e.failed { consoleWithoutMFA += 1 }
        actions[e.action, default: 0] += 1
        services.insert(e.service)
        if !e.region.isEmpty { regions.insert(e.region) }
        if !e.sourceIP.isEmpty { sourceIPs.insert(e.sourceIP) }
        if !e.userAgent.isEmpty { userAgents.insert(e.userAgent) }
        if catalog.match(e) != nil {
            sensitive[e.action, default: 0] += 1
            if let r = e.resource, seenResources[e.action, default: []].count < Self.maxTrackedResources,
                seenResources[e.action, default: []].insert(r).inserted
            {
                sensitiveResourceCounts[e.action, default: 0] += 1
                if sensitiveResources[e.action, default: []].count < Self.maxListedResources {
                    sensitiveResources[e.action, default: []].append(r)
                }
            }
        }
        if !e.readOnly && !e.failed
            && (e.service == "iam" || e.action.hasPrefix("microsoft.authorization/roleassignments"))
        {
            privilegedWrites += 1
        }
    }
}
