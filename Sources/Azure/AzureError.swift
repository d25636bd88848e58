/// A failed Azure call: the client's class of failure, ARM's own error code when ARM answered with one
/// (`AuthorizationFailed`, `ResourceNotFound`, …), the API and resource it concerns, the error that caused it and
/// where it was raised. Never carries the client secret or a bearer token.
public struct AzureError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The client's class of failure; a closed set. ARM's own codes are in `armCode`.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Kind: String, Hashable, Sendable {
            case armError = "arm_error"
            case configuration
            case authenticationFailed = "authentication_failed"
            case malformedResponse = "malformed_response"
            case httpStatus = "http_status"
            case transport
            case pagingLoop = "paging_loop"
            case foreignNextLink = "foreign_next_link"
            case unknownResourceType = "unknown_resource_type"
            case unreachable
            case deadlineExceeded = "deadline_exceeded"
        }

        private let kind: Kind

        private init(_ kind: Kind) { self.kind = kind }

        /// The code's stable name (`paging_loop`).
        public var rawValue: String { kind.rawValue }
        public var description: String { kind.rawValue }

        /// ARM answered with an error body; its `error.code` is `armCode`.
        public static let armError = Code(.armError)
        /// A required setting (tenant, client, secret, subscription, endpoint) is missing or unusable.
        public static let configuration = Code(.configuration)
        /// The token endpoint refused the client credentials or answered without a token.
        public static let authenticationFailed = Code(.authenticationFailed)
        /// A response body was not the JSON shape the API documents.
        public static let malformedResponse = Code(.malformedResponse)
        /// An error status without an ARM error body.
        public static let httpStatus = Code(.httpStatus)
        /// No HTTP response (connection, timeout, size limit, cancellation).
        public static let transport = Code(.transport)
        /// A `nextLink` pointed back to a page already read, or paging exceeded its page limit.
        public static let pagingLoop = Code(.pagingLoop)
        /// A `nextLink` pointed away from the Resource Manager endpoint; the token is never sent there.
        public static let foreignNextLink = Code(.foreignNextLink)
        /// No api-version is pinned for the resource type asked for.
        public static let unknownResourceType = Code(.unknownResourceType)
        /// Not sent: the endpoint failed in transport too often in a row (the circuit breaker is open).
        public static let unreachable = Code(.unreachable)
        /// Not sent: the run's total deadline had passed.
        public static let deadlineExceeded = Code(.deadlineExceeded)
    }

    public var code: Code
    /// ARM's `error.code`, verbatim, when ARM answered with an error body (`code` is then `.armError`).
    public var armCode: String?
    public var message: String
    /// The API the call was for (`GET Microsoft.Storage/storageAccounts`), possibly empty.
    public var api: String
    /// The ARM path or resource ID the call addressed, possibly empty.
    public var resourceID: String
    /// The HTTP status of the failed response, when there was one.
    public var httpStatus: Int?
    /// ARM's `x-ms-request-id` (or correlation ID), for support cases.
    public var requestID: String?
    /// The error that caused this one (`HTTPError`, a JSON codec's), when there was one.
    public var underlying: (any Error)?
    /// Where the error was created (`#fileID`).
    public var file: String
    public var line: Int

    /// Creates an error; `message` must not contain secrets.
    public init(
        _ code: Code, _ message: String, armCode: String? = nil, api: String = "", resourceID: String = "",
        httpStatus: Int? = nil, requestID: String? = nil, underlying: (any Error)? = nil,
        file: String = #fileID, line: Int = #line
    ) {
        self.code = code
        self.armCode = armCode
        self.message = message
        self.api = api
        self.resourceID = resourceID
        self.httpStatus = httpStatus
        self.requestID = requestID
        self.underlying = underlying
        self.file = file
        self.line = line
    }

    /// ARM's code when it gave one, else the client's (`AuthorizationFailed`, `transport`).
    public var errorCode: String { armCode ?? code.rawValue }

    /// Whether ARM refused for lack of permission.
    public var isAuthorizationFailure: Bool { armCode == "AuthorizationFailed" || httpStatus == 403 }

    /// Equal when the same call failed the same way; the cause and the location do not count.
    public static func == (lhs: AzureError, rhs: AzureError) -> Bool {
        (lhs.code, lhs.armCode, lhs.message, lhs.api) == (rhs.code, rhs.armCode, rhs.message, rhs.api)
            && (lhs.resourceID, lhs.httpStatus, lhs.requestID) == (rhs.resourceID, rhs.httpStatus, rhs.requestID)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(armCode)
        hasher.combine(message)
        hasher.combine(api)
        hasher.combine(resourceID)
        hasher.combine(httpStatus)
        hasher.combine(requestID)
    }

    /// `api: resourceID: code: message (HTTP status, request ID)`; the cause is summarised in `message`.
    public var description: String {
        var text = api.isEmpty ? "" : "\(api): "
        if !resourceID.isEmpty { text += "\(resourceID): " }
        text += "\(errorCode): \(message)"
        if let httpStatus { text += " (HTTP \(httpStatus)" + (requestID.map { ", request \($0)" } ?? "") + ")" }
        return text
    }
}
