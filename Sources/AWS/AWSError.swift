/// A failed AWS call: the service's error code (or a local one), where it happened and the request ID to quote
/// to AWS support. Never holds credentials or signed URLs.
public struct AWSError: Error, Hashable, Sendable, CustomStringConvertible {
    /// An AWS error code (`AccessDenied`, `Throttling`, `NoSuchBucket`, …) or one of the local codes below.
    public struct Code: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
        public let rawValue: String
        /// Creates a code from its raw name.
        public init(_ rawValue: String) { self.rawValue = rawValue }
        /// Creates a code from a literal.
        public init(stringLiteral value: String) { self.rawValue = value }
        public var description: String { rawValue }

        /// The response could not be read (bad XML/JSON, missing elements).
        public static let malformedResponse: Code = "MalformedResponse"
        /// No response at all: connection, timeout, size limit.
        public static let transport: Code = "TransportError"
        /// No credentials were found anywhere in the chain.
        public static let noCredentials: Code = "NoCredentials"
        /// A shared config/credentials file or environment setting is wrong.
        public static let invalidConfiguration: Code = "InvalidConfiguration"
        /// An HTTP error without an AWS error body.
        public static let httpError: Code = "HTTPError"
        /// Pagination did not end within the page limit.
        public static let tooManyPages: Code = "TooManyPages"
        public static let accessDenied: Code = "AccessDenied"
    }

    public var code: Code
    public var message: String
    /// The service id (`s3`, `ec2`, …).
    public var service: String
    /// The API operation (`DescribeInstances`, `GetBucketAcl`).
    public var operation: String
    /// The resource the call was about (bucket, key, ARN), when there was one.
    public var resource: String?
    /// The HTTP status, 0 when no response arrived.
    public var httpStatus: Int
    public var requestID: String?
    /// S3's `x-amz-bucket-region` when a bucket lives elsewhere; the client retries there once.
    var bucketRegion: String?

    /// Creates an error.
    public init(_ code: Code, _ message: String, service: String, operation: String, resource: String? = nil,
                httpStatus: Int = 0, requestID: String? = nil) {
        self.code = code
        self.message = message
        self.service = service
        self.operation = operation
        self.resource = resource
        self.httpStatus = httpStatus
        self.requestID = requestID
    }

    /// Error codes AWS uses for "too many requests"; retried with backoff like HTTP 429.
    public static let throttlingCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "RequestLimitExceeded", "SlowDown", "TooManyRequestsException", "RequestThrottled",
        "ProvisionedThroughputExceededException", "PriorRequestNotComplete", "BandwidthLimitExceeded",
        "EC2ThrottledException", "LimitExceededException",
    ]

    /// Whether AWS refused for lack of permission, whatever the service's spelling.
    public var isAccessDenied: Bool {
        ["AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "AuthorizationError",
         "UnauthorizedAccess", "AuthFailure"].contains(code.rawValue)
    }

    public var description: String {
        var text = "\(service):\(operation)"
        if let resource { text += " [\(resource)]" }
        text += ": \(code)"
        if !message.isEmpty { text += ": \(message)" }
        if httpStatus != 0 { text += " (HTTP \(httpStatus)" + (requestID.map { ", request \($0)" } ?? "") + ")" }
        return text
    }
}
