/// A failed call to a code host's API: which call, on which pull/merge request, and why. Never holds the token.
public struct PullRequestError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable class of failure; new codes can be added without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        /// Creates a code.
        public init(_ rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// HTTP 401: the token is missing, wrong or expired.
        public static let unauthorized = Code("Unauthorized")
        /// HTTP 403: the token lacks a scope or the repository refuses it.
        public static let forbidden = Code("Forbidden")
        /// HTTP 404: no such repository/project or pull/merge request (or the token may not see it).
        public static let notFound = Code("NotFound")
        /// HTTP 409/422: the host refused the request as it stands (a request for that branch exists, bad branch).
        public static let rejected = Code("Rejected")
        /// HTTP 429 or rate-limit 403 after the retries.
        public static let rateLimited = Code("RateLimited")
        /// Any other non-2xx status.
        public static let httpStatus = Code("HTTPStatus")
        /// No HTTP response: connection, timeout, size limit.
        public static let transport = Code("Transport")
        /// A 2xx answer that is not the documented JSON shape.
        public static let malformedResponse = Code("MalformedResponse")
        /// The client cannot be built (bad API URL, repository name, empty token).
        public static let configuration = Code("Configuration")
    }

    public var code: Code
    public var message: String
    /// The call (`GitHub POST /repos/o/r/pulls`).
    public var api: String
    /// What it was about (`acme/infra pull request #12`, `group/project`).
    public var resource: String
    /// The HTTP status, when a response came back.
    public var status: Int?

    /// Creates an error; `message` must not contain a secret.
    public init(_ code: Code, _ message: String, api: String, resource: String, status: Int? = nil) {
        self.code = code
        self.message = message
        self.api = api
        self.resource = resource
        self.status = status
    }

    public var description: String {
        let http = status.map { " (HTTP \($0))" } ?? ""
        return "\(api) on \(resource): \(code)\(http): \(message)"
    }
}
