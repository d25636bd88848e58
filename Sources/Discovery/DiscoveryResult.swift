import Model

/// What one discovery run read, for either cloud: resources in Terraform's vocabulary, what could not be read,
/// and the API cost.
public struct DiscoveryResult: Sendable {
    /// Live resources sorted by address.
    public var resources: [Resource]
    /// Every part that was not read (AccessDenied, a failing region, a malformed answer), never silently dropped.
    public var errors: [DiscoveryError]
    /// Logical API calls made (retries not counted; for ARM every page counts, token requests do not).
    public var apiCalls: Int
    /// Calls per service id (AWS) or resource provider (`Microsoft.Storage`).
    public var callsByService: [String: Int]
    /// Calls per `service:Operation` (AWS) or API label (`LIST Microsoft.Storage/storageAccounts`).
    public var callsByOperation: [String: Int]
    /// HTTP attempts made, retries included, when the client counts them (ARM).
    public var httpAttempts: Int?
    /// Regions that were read; empty for an Azure subscription, which is not regional.
    public var regions: [String]
    /// The account (or subscription) the resources belong to, when it could be read.
    public var account: String
    /// Settings that were not read, each as the resource that would have held it with every attribute unknown
    /// (its identity kept): drift reports these as not read instead of missing or in sync.
    public var unread: [Resource]
    /// Services (per region) that discovery stopped calling after repeated transport failures, and why.
    public var stoppedServices: [StoppedService]
    /// Whether the run hit its total deadline before every call was made.
    public var deadlineExceeded: Bool
    /// The member accounts of a multi-account read, each read or not; empty when one account was read.
    public var accounts: [DiscoveredAccount] = []

    /// Whether some part of the cloud was not read (a failed call, a stopped service, the deadline).
    public var isPartial: Bool { !errors.isEmpty || !stoppedServices.isEmpty || deadlineExceeded }

    /// Creates a result.
    public init(
        resources: [Resource], errors: [DiscoveryError], apiCalls: Int, callsByService: [String: Int],
        callsByOperation: [String: Int] = [:], httpAttempts: Int? = nil, regions: [String], account: String,
        unread: [Resource] = [], stoppedServices: [StoppedService] = [], deadlineExceeded: Bool = false
    ) {
        self.unread = unread
        self.stoppedServices = stoppedServices
        self.deadlineExceeded = deadlineExceeded
        self.resources = resources
        self.errors = errors
        self.apiCalls = apiCalls
        self.callsByService = callsByService
        self.callsByOperation = callsByOperation
        self.httpAttempts = httpAttempts
        self.regions = regions
        self.account = account
    }
}
