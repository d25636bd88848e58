import AWS
import Azure

/// One part of the cloud that could not be read: where (service, region, operation, resource), the cloud's own
/// error code, and the cloud client's error as the underlying cause.
public struct DiscoveryError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Why the part was not read; a closed set.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Kind: String, Hashable, Sendable {
            case accessDenied = "access_denied"
            case callFailed = "call_failed"
        }

        private let kind: Kind

        private init(_ kind: Kind) { self.kind = kind }

        public var description: String { kind.rawValue }

        /// The cloud refused the read for lack of permission.
        public static let accessDenied = Code(.accessDenied)
        /// Any other failed read: transport, throttling that outlasted the retries, a malformed answer, an API error.
        public static let callFailed = Code(.callFailed)
    }

    public var code: Code
    public var service: String
    /// The region, or `global` for IAM, S3 listing, account settings and Azure subscriptions.
    public var region: String
    public var operation: String
    /// The cloud's error code (`AccessDenied`, `TransportError`, `AuthorizationFailed`, …).
    public var apiCode: String
    /// The resource the failed call was about, when it was about one.
    public var resource: String?
    /// The member account the call was made in, when several accounts were read (nil: the one account read).
    public var account: String?
    /// The cloud client's error.
    public var underlying: (any Error)?
    /// Where the error was created (`#fileID`).
    public var file: String
    public var line: Int

    /// Creates an error; `underlying` is the client error that stopped the read.
    public init(
        _ code: Code, service: String, region: String, operation: String, apiCode: String,
        resource: String? = nil, underlying: (any Error)?, file: String = #fileID, line: Int = #line
    ) {
        self.code = code
        self.service = service
        self.region = region
        self.operation = operation
        self.apiCode = apiCode
        self.resource = resource
        self.underlying = underlying
        self.file = file
        self.line = line
    }

    /// A failed AWS call of `service` in `region` (`global` for account-wide reads).
    public init(
        service: String, region: String, operation: String, resource: String? = nil, underlying: AWSError,
        file: String = #fileID, line: Int = #line
    ) {
        self.init(
            underlying.isAccessDenied ? .accessDenied : .callFailed, service: service, region: region,
            operation: operation, apiCode: underlying.errorCode, resource: resource ?? underlying.resource,
            underlying: underlying, file: file, line: line)
    }

    /// A failed ARM call: the service is the resource type the API reads (`Microsoft.Compute/disks`), `arm` for
    /// a call with no API label (the token); subscriptions are not regional, so the region is `global`.
    public init(arm underlying: AzureError, file: String = #fileID, line: Int = #line) {
        let service = underlying.api.split(separator: " ", maxSplits: 1).last.map(String.init) ?? "arm"
        self.init(
            underlying.isAuthorizationFailure ? .accessDenied : .callFailed, service: service.isEmpty ? "arm" : service, region: "global",
            operation: underlying.api.isEmpty ? "token" : underlying.api, apiCode: underlying.errorCode,
            resource: underlying.resourceID.isEmpty ? nil : underlying.resourceID, underlying: underlying,
            file: file, line: line)
    }

    /// The cloud's message for the failure.
    public var message: String {
        switch underlying {
        case let error as AWSError: return error.message
        case let error as AzureError: return error.message
        case let error?: return "\(error)"
        case nil: return ""
        }
    }

    /// Equal when the same part failed the same way; the cause's details and the location do not count.
    public static func == (lhs: DiscoveryError, rhs: DiscoveryError) -> Bool {
        (lhs.code, lhs.service, lhs.region, lhs.operation) == (rhs.code, rhs.service, rhs.region, rhs.operation)
            && (lhs.apiCode, lhs.resource, lhs.message) == (rhs.apiCode, rhs.resource, rhs.message)
            && lhs.account == rhs.account
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(service)
        hasher.combine(region)
        hasher.combine(operation)
        hasher.combine(apiCode)
        hasher.combine(resource)
        hasher.combine(account)
    }

    public var description: String {
        (account.map { "account \($0): " } ?? "")
            + "\(service) \(region) \(operation)\(resource.map { " [\($0)]" } ?? ""): \(apiCode): \(message)"
    }
}
