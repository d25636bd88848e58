/// A live posture run that could not read any cloud at all (credentials, account identity, subscription).
public struct PostureError: Error, Sendable, CustomStringConvertible {
    /// What failed; closed, so callers classify by code.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The code as printed.
        public let rawValue: String
        private init(_ rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// A cloud could not be read at all.
        public static let cloudUnavailable = Code("CloudUnavailable")
    }

    public var code: Code
    public var message: String
    /// The client or discovery error behind it (the first one when several clouds failed).
    public var underlying: (any Error)?
    /// Where the error was made.
    public var file: String
    public var line: Int

    /// An error of `code`; `file` and `line` default to the caller's position.
    public init(_ code: Code, _ message: String, underlying: (any Error)? = nil, file: String = #fileID, line: Int = #line) {
        self.code = code
        self.message = message
        self.underlying = underlying
        self.file = file
        self.line = line
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
