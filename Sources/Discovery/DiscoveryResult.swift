import Model

/// What one discovery run read: resources in Terraform's vocabulary, what could not be read, and the API cost.
public struct DiscoveryResult: Sendable {
    public var resources: [Resource]
    /// Every part that was not read (AccessDenied, a failing region, a malformed answer), never silently dropped.
    public var errors: [DiscoveryError]
    /// Logical API calls made (retries not counted).
    public var apiCalls: Int
    /// Calls per service id.
    public var callsByService: [String: Int]
    /// Calls per `service:Operation`.
    public var callsByOperation: [String: Int]
    /// Regions that were read.
    public var regions: [String]
    /// The account (or subscription) the resources belong to, when it could be read.
    public var account: String

    /// Creates a result.
    public init(resources: [Resource], errors: [DiscoveryError], apiCalls: Int, callsByService: [String: Int],
                callsByOperation: [String: Int] = [:], regions: [String], account: String) {
        self.resources = resources
        self.errors = errors
        self.apiCalls = apiCalls
        self.callsByService = callsByService
        self.callsByOperation = callsByOperation
        self.regions = regions
        self.account = account
    }
}

/// One part of the cloud that could not be read.
public struct DiscoveryError: Error, Hashable, Sendable, CustomStringConvertible {
    public var service: String
    /// The region, or `global` for IAM, S3 listing and account settings.
    public var region: String
    public var operation: String
    /// The API's error code (`AccessDenied`, `TransportError`, …).
    public var code: String
    public var message: String
    /// The resource the failed call was about, when it was about one.
    public var resource: String?

    /// Creates an error.
    public init(service: String, region: String, operation: String, code: String, message: String, resource: String? = nil) {
        self.service = service
        self.region = region
        self.operation = operation
        self.code = code
        self.message = message
        self.resource = resource
    }

    public var description: String {
        "\(service) \(region) \(operation)\(resource.map { " [\($0)]" } ?? ""): \(code): \(message)"
    }
}
