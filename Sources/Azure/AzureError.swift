/// A failed Azure call: ARM's own error code (`AuthorizationFailed`, `ResourceNotFound`, …) or a client-side code,
/// with the API and resource it concerns. Never carries the client secret or a bearer token.
public struct AzureError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A growable error class: ARM `error.code` values pass through verbatim; the static ones are the client's own.
    public struct Code: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
        public let rawValue: String
        /// Creates a code from its raw name (an ARM error code, for instance).
        public init(_ rawValue: String) { self.rawValue = rawValue }
        /// Creates a code from a literal.
        public init(stringLiteral value: String) { self.rawValue = value }
        public var description: String { rawValue }

        /// A required setting (tenant, client, secret, subscription, endpoint) is missing or unusable.
        public static let configuration: Code = "configuration"
        /// The token endpoint refused the client credentials or answered without a token.
        public static let authenticationFailed: Code = "authentication_failed"
        /// A response body was not the JSON shape the API documents.
        public static let malformedResponse: Code = "malformed_response"
        /// An error status without an ARM error body.
        public static let httpStatus: Code = "http_status"
        /// No HTTP response (connection, timeout, size limit, cancellation).
        public static let transport: Code = "transport"
        /// A `nextLink` pointed back to a page already read, or paging exceeded its page limit.
        public static let pagingLoop: Code = "paging_loop"
        /// A `nextLink` pointed away from the Resource Manager endpoint; the token is never sent there.
        public static let foreignNextLink: Code = "foreign_next_link"
        /// No api-version is pinned for the resource type asked for.
        public static let unknownResourceType: Code = "unknown_resource_type"
    }

    public var code: Code
    public var message: String
    /// The API the call was for (`GET Microsoft.Storage/storageAccounts`), possibly empty.
    public var api: String
    /// The ARM path or resource ID the call addressed, possibly empty.
    public var resourceID: String
    /// The HTTP status of the failed response, when there was one.
    public var httpStatus: Int?
    /// ARM's `x-ms-request-id` (or correlation ID), for support cases.
    public var requestID: String?

    /// Creates an error; `message` must not contain secrets.
    public init(_ code: Code, _ message: String, api: String = "", resourceID: String = "", httpStatus: Int? = nil,
                requestID: String? = nil) {
        self.code = code
        self.message = message
        self.api = api
        self.resourceID = resourceID
        self.httpStatus = httpStatus
        self.requestID = requestID
    }

    public var description: String {
        var text = api.isEmpty ? "" : "\(api): "
        if !resourceID.isEmpty { text += "\(resourceID): " }
        text += "\(code): \(message)"
        if let httpStatus { text += " (HTTP \(httpStatus)" + (requestID.map { ", request \($0)" } ?? "") + ")" }
        return text
    }
}
