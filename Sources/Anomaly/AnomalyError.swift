/// A problem in the Anomaly layer: a class of problem, a message, and where it happened
/// (a log object key or file, a line or record index, or an API / endpoint).
public struct AnomalyError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable, machine-readable class of problem; new codes can be added without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
        public let rawValue: String
        /// A code from its raw text.
        public init(_ rawValue: String) { self.rawValue = rawValue }
        /// A code from a literal.
        public init(stringLiteral value: String) { self.rawValue = value }
        public var description: String { rawValue }

        public static let io: Code = "io"
        public static let truncatedGzip: Code = "truncated_gzip"
        public static let corruptGzip: Code = "corrupt_gzip"
        public static let tooLarge: Code = "too_large"
        public static let invalidJSON: Code = "invalid_json"
        public static let unexpectedShape: Code = "unexpected_shape"
        public static let malformedRecord: Code = "malformed_record"
        public static let invalidTimestamp: Code = "invalid_timestamp"
        public static let unsupportedVersion: Code = "unsupported_version"
        public static let invalidModel: Code = "invalid_model"
        public static let invalidData: Code = "invalid_data"
        public static let invalidCursor: Code = "invalid_cursor"
        public static let webhook: Code = "webhook"
        public static let notTrained: Code = "not_trained"
        /// A cloud API (S3, Azure Resource Manager) refused or failed a call after its retries.
        public static let cloudAPI: Code = "cloud_api"
        /// A cloud API kept throttling after its retries.
        public static let throttled: Code = "throttled"
        /// A cloud API denied access (credentials lack the permission).
        public static let accessDenied: Code = "access_denied"
    }

    public var code: Code
    public var message: String
    /// The file, object key, or API / endpoint the problem is about.
    public var location: String?
    /// 1-based line (JSON Lines input) or 0-based record index (array input), when known.
    public var line: Int?

    /// An error of `code` with a message and where it happened.
    public init(_ code: Code, _ message: String, location: String? = nil, line: Int? = nil) {
        self.code = code
        self.message = message
        self.location = location
        self.line = line
    }

    /// Whether this is a failure to fetch an object (transport, throttling, server error, access denied, a local
    /// read error) that a later attempt may not repeat, as opposed to a content error (truncated gzip, not JSON,
    /// too large) that re-reading the same bytes cannot fix.
    public var isReadFailure: Bool { Self.readFailureCodes.contains(code) }

    static let readFailureCodes: Set<Code> = [.io, .cloudAPI, .throttled, .accessDenied]

    /// `location:line: code: message`, like a compiler diagnostic.
    public var description: String {
        var prefix = ""
        if let location { prefix += location + (line.map { ":\($0)" } ?? "") + ": " }
        return "\(prefix)\(code): \(message)"
    }
}
