/// A failed call to a code host's API: which call, on which pull/merge request, why, the error that caused it and
/// where it was raised. Never holds the token.
public struct PullRequestError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable class of failure; a closed set.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Kind: String, Hashable, Sendable {
            case unauthorized
            case forbidden
            case notFound = "not_found"
            case rejected
            case rateLimited = "rate_limited"
            case httpStatus = "http_status"
            case transport
            case malformedResponse = "malformed_response"
            case configuration
        }

        private let kind: Kind

        private init(_ kind: Kind) { self.kind = kind }

        /// The code's stable name (`rate_limited`).
        public var rawValue: String { kind.rawValue }
        public var description: String { kind.rawValue }

        /// HTTP 401: the token is missing, wrong or expired.
        public static let unauthorized = Code(.unauthorized)
        /// HTTP 403: the token lacks a scope or the repository refuses it.
        public static let forbidden = Code(.forbidden)
        /// HTTP 404: no such repository/project or pull/merge request (or the token may not see it).
        public static let notFound = Code(.notFound)
        /// HTTP 409/422: the host refused the request as it stands (a request for that branch exists, bad branch).
        public static let rejected = Code(.rejected)
        /// HTTP 429 or rate-limit 403 after the retries.
        public static let rateLimited = Code(.rateLimited)
        /// Any other non-2xx status.
        public static let httpStatus = Code(.httpStatus)
        /// No HTTP response: connection, timeout, size limit.
        public static let transport = Code(.transport)
        /// A 2xx answer that is not the documented JSON shape.
        public static let malformedResponse = Code(.malformedResponse)
        /// The client cannot be built (bad API URL, repository name, empty token).
        public static let configuration = Code(.configuration)
    }

    public var code: Code
    public var message: String
    /// The call (`GitHub POST /repos/o/r/pulls`).
    public var api: String
    /// What it was about (`acme/infra pull request #12`, `group/project`).
    public var resource: String
    /// The HTTP status, when a response came back.
    public var status: Int?
    /// The error that caused this one (`HTTPError`, a JSON codec's), when there was one.
    public var underlying: (any Error)?
    /// Where the error was created (`#fileID`).
    public var file: String
    public var line: Int

    /// Creates an error; `message` must not contain a secret.
    public init(
        _ code: Code, _ message: String, api: String, resource: String, status: Int? = nil,
        underlying: (any Error)? = nil, file: String = #fileID, line: Int = #line
    ) {
        self.code = code
        self.message = message
        self.api = api
        self.resource = resource
        self.status = status
        self.underlying = underlying
        self.file = file
        self.line = line
    }

    /// Equal when the same call failed the same way; the cause and the location do not count.
    public static func == (lhs: PullRequestError, rhs: PullRequestError) -> Bool {
        (lhs.code, lhs.message, lhs.api, lhs.resource, lhs.status) == (rhs.code, rhs.message, rhs.api, rhs.resource, rhs.status)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(message)
        hasher.combine(api)
        hasher.combine(resource)
        hasher.combine(status)
    }

    /// `api on resource: code (HTTP status): message`; the cause is summarised in `message`, already scrubbed.
    public var description: String {
        let http = status.map { " (HTTP \($0))" } ?? ""
        return "\(api) on \(resource): \(code)\(http): \(message)"
    }
}
