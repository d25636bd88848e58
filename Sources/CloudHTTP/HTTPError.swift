/// A transport failure: no usable HTTP response came back. It names the API and the URL without its query.
public struct HTTPError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable class of transport problem; new codes can be added without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
        public let rawValue: String
        /// Creates a code from its raw name.
        public init(_ rawValue: String) { self.rawValue = rawValue }
        /// Creates a code from a literal.
        public init(stringLiteral value: String) { self.rawValue = value }
        public var description: String { rawValue }

        /// The whole exchange took longer than the request's timeout.
        public static let timeout: Code = "timeout"
        /// DNS, connect, TLS or a dropped connection.
        public static let connection: Code = "connection"
        /// The body was larger than the transport's limit.
        public static let responseTooLarge: Code = "response_too_large"
        /// The URL cannot be sent (unsupported scheme, no host).
        public static let invalidURL: Code = "invalid_url"
        /// The task was cancelled by the caller.
        public static let cancelled: Code = "cancelled"
        /// Retries ran out on a retryable HTTP status; `status` holds the last one.
        public static let retriesExhausted: Code = "retries_exhausted"
    }

    public var code: Code
    public var message: String
    /// The API label of the request (`s3:GetObject`), possibly empty.
    public var api: String
    /// The request URL without query string or credentials.
    public var url: String
    /// The last HTTP status seen, when there was one.
    public var status: Int?

    /// Creates an error; `url` must already be redacted (see `HTTPRequest.redactedURL`).
    public init(_ code: Code, _ message: String, api: String, url: String, status: Int? = nil) {
        self.code = code
        self.message = message
        self.api = api
        self.url = url
        self.status = status
    }

    /// Whether a retry may succeed: connection problems and timeouts are transient, the rest are not.
    public var isTransient: Bool { code == .connection || code == .timeout }

    public var description: String {
        let label = api.isEmpty ? url : "\(api) (\(url))"
        return "\(label): \(code): \(message)"
    }
}
