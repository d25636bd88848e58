/// A problem with the controller's configuration: the config file is invalid, or a secret it references is missing.
public struct ConfigError: Error, Sendable, CustomStringConvertible {
    /// What is wrong; closed, so callers classify by code and never by message text.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The code as printed (the reason vocabulary of target statuses).
        public let rawValue: String
        private init(_ rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The config file is unreadable or invalid.
        public static let invalidConfig = Code("InvalidConfig")
        /// A credential reference points at nothing.
        public static let missingSecret = Code("MissingSecret")
    }

    public var code: Code
    public var message: String
    /// What caused it (a YAML load error), when something did.
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
