import Foundation

/// A transport failure: no usable HTTP response came back. It names the API and the URL without its query, keeps
/// the transport's own error as the cause and records where it was raised.
public struct HTTPError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable class of transport problem; a closed set.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Kind: String, Hashable, Sendable {
            case timeout
            case connection
            case responseTooLarge = "response_too_large"
            case invalidURL = "invalid_url"
            case cancelled
            case retriesExhausted = "retries_exhausted"
            case circuitOpen = "circuit_open"
            case deadlineExceeded = "deadline_exceeded"
        }

        private let kind: Kind

        private init(_ kind: Kind) { self.kind = kind }

        /// The code's stable name (`response_too_large`).
        public var rawValue: String { kind.rawValue }
        public var description: String { kind.rawValue }

        /// The whole exchange took longer than the request's timeout.
        public static let timeout = Code(.timeout)
        /// DNS, connect, TLS or a dropped connection.
        public static let connection = Code(.connection)
        /// The body was larger than the transport's limit.
        public static let responseTooLarge = Code(.responseTooLarge)
        /// The URL cannot be sent (unsupported scheme, no host).
        public static let invalidURL = Code(.invalidURL)
        /// The task was cancelled by the caller.
        public static let cancelled = Code(.cancelled)
        /// Retries ran out on a retryable HTTP status; `status` holds the last one.
        public static let retriesExhausted = Code(.retriesExhausted)
        /// Not sent: earlier calls to the same service and region failed in transport too often in a row.
        public static let circuitOpen = Code(.circuitOpen)
        /// Not sent: the run's total deadline had passed.
        public static let deadlineExceeded = Code(.deadlineExceeded)
    }

    public var code: Code
    public var message: String
    /// The API label of the request (`s3:GetObject`), possibly empty.
    public var api: String
    /// The request URL without query string or credentials.
    public var url: String
    /// The last HTTP status seen, when there was one.
    public var status: Int?
    /// The transport's own error (domain and code only: URLSession's text and user info may carry the query).
    public var underlying: (any Error)?
    /// Where the error was created (`#fileID`).
    public var file: String
    public var line: Int

    /// Creates an error; `url` must already be redacted (see `HTTPRequest.redactedURL`).
    public init(
        _ code: Code, _ message: String, api: String, url: String, status: Int? = nil,
        underlying: (any Error)? = nil, file: String = #fileID, line: Int = #line
    ) {
        self.code = code
        self.message = message
        self.api = api
        self.url = url
        self.status = status
        self.underlying = underlying
        self.file = file
        self.line = line
    }

    /// Whether a retry may succeed: connection problems and timeouts are transient, the rest are not.
    public var isTransient: Bool { code == .connection || code == .timeout }

    /// Equal when the same request failed the same way; the cause and the location do not count.
    public static func == (lhs: HTTPError, rhs: HTTPError) -> Bool {
        (lhs.code, lhs.message, lhs.api, lhs.url, lhs.status) == (rhs.code, rhs.message, rhs.api, rhs.url, rhs.status)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(message)
        hasher.combine(api)
        hasher.combine(url)
        hasher.combine(status)
    }

    /// `api (url): code: message`; the cause is not printed (see `underlying`).
    public var description: String {
        let label = api.isEmpty ? url : "\(api) (\(url))"
        return "\(label): \(code): \(message)"
    }
}
