/// A failed AWS call: the client's class of failure, the service's own error code when AWS answered with one,
/// where it happened, the request ID to quote to AWS support, the error that caused it and where it was raised.
/// Never holds credentials or signed URLs.
public struct AWSError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The client's class of failure; a closed set. AWS's own codes are in `serviceCode`.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Kind: String, Hashable, Sendable {
            case serviceError = "service_error"
            case malformedResponse = "malformed_response"
            case transport
            case noCredentials = "no_credentials"
            case invalidConfiguration = "invalid_configuration"
            case httpStatus = "http_status"
            case tooManyPages = "too_many_pages"
            case unreachable
            case deadlineExceeded = "deadline_exceeded"
        }

        private let kind: Kind

        private init(_ kind: Kind) { self.kind = kind }

        /// The code's stable name (`malformed_response`).
        public var rawValue: String { kind.rawValue }
        public var description: String { kind.rawValue }

        /// AWS answered with an error code of its own (`AccessDenied`, `Throttling`, …); it is `serviceCode`.
        public static let serviceError = Code(.serviceError)
        /// The response could not be read (bad XML/JSON, missing elements).
        public static let malformedResponse = Code(.malformedResponse)
        /// No response at all: connection, timeout, size limit.
        public static let transport = Code(.transport)
        /// No credentials were found anywhere in the chain.
        public static let noCredentials = Code(.noCredentials)
        /// A shared config/credentials file or environment setting is wrong.
        public static let invalidConfiguration = Code(.invalidConfiguration)
        /// An HTTP error status without an AWS error body.
        public static let httpStatus = Code(.httpStatus)
        /// Pagination did not end within the page limit.
        public static let tooManyPages = Code(.tooManyPages)
        /// Not sent: the service and region failed in transport too often in a row (the circuit breaker is open).
        public static let unreachable = Code(.unreachable)
        /// Not sent: the run's total deadline had passed.
        public static let deadlineExceeded = Code(.deadlineExceeded)
    }

    public var code: Code
    /// AWS's error code, verbatim (`AccessDenied`, `NoSuchBucketPolicy`); for an error status without a body,
    /// the code the status stands for (`NotFound` for 404, `AccessDenied` for 403).
    public var serviceCode: String?
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
    /// The error that caused this one (`HTTPError`, an XML or JSON parser's), when there was one.
    public var underlying: (any Error)?
    /// Where the error was created (`#fileID`).
    public var file: String
    public var line: Int
    /// S3's `x-amz-bucket-region` when a bucket lives elsewhere; the client retries there once.
    var bucketRegion: String?

    /// Creates an error.
    public init(
        _ code: Code, _ message: String, serviceCode: String? = nil, service: String, operation: String,
        resource: String? = nil, httpStatus: Int = 0, requestID: String? = nil, underlying: (any Error)? = nil,
        file: String = #fileID, line: Int = #line
    ) {
        self.code = code
        self.serviceCode = serviceCode
        self.message = message
        self.service = service
        self.operation = operation
        self.resource = resource
        self.httpStatus = httpStatus
        self.requestID = requestID
        self.underlying = underlying
        self.file = file
        self.line = line
    }

    /// Error codes AWS uses for "too many requests"; retried with backoff like HTTP 429.
    public static let throttlingCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "RequestLimitExceeded", "SlowDown", "TooManyRequestsException", "RequestThrottled",
        "ProvisionedThroughputExceededException", "PriorRequestNotComplete", "BandwidthLimitExceeded",
        "EC2ThrottledException", "LimitExceededException",
    ]

    /// AWS's code when it gave one, else the client's (`AccessDenied`, `transport`).
    public var errorCode: String { serviceCode ?? code.rawValue }

    /// Whether AWS refused for lack of permission, whatever the service's spelling.
    public var isAccessDenied: Bool {
        guard let serviceCode else { return false }
        return [
            "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "AuthorizationError",
            "UnauthorizedAccess", "AuthFailure",
        ].contains(serviceCode)
    }

    /// Whether AWS asked to slow down (a throttling code in the body).
    public var isThrottling: Bool { serviceCode.map(AWSError.throttlingCodes.contains) ?? false }

    /// Equal when the same call failed the same way; the cause and the location do not count.
    public static func == (lhs: AWSError, rhs: AWSError) -> Bool {
        (lhs.code, lhs.serviceCode, lhs.message, lhs.service, lhs.operation) == (
            rhs.code, rhs.serviceCode, rhs.message, rhs.service, rhs.operation
        )
            && (lhs.resource, lhs.httpStatus, lhs.requestID, lhs.bucketRegion) == (
                rhs.resource, rhs.httpStatus, rhs.requestID, rhs.bucketRegion
            )
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(serviceCode)
        hasher.combine(message)
        hasher.combine(service)
        hasher.combine(operation)
        hasher.combine(resource)
        hasher.combine(httpStatus)
        hasher.combine(requestID)
    }

    /// `service:operation [resource]: code: message (HTTP status, request ID)`; the cause is summarised in `message`.
    public var description: String {
        var text = "\(service):\(operation)"
        if let resource { text += " [\(resource)]" }
        text += ": \(errorCode)"
        if !message.isEmpty { text += ": \(message)" }
        if httpStatus != 0 { text += " (HTTP \(httpStatus)" + (requestID.map { ", request \($0)" } ?? "") + ")" }
        return text
    }
}
