/// A commit that could not be scanned: its files could not be read, or the scan itself failed.
public struct CommitScanError: Error, Sendable, CustomStringConvertible {
    /// What failed; closed, so the reconcile loop classifies by code.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The code as printed.
        public let rawValue: String
        private init(_ rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// Reading the commit's files failed (a path the target names is not in the commit).
        public static let artifactFailed = Code("ArtifactFailed")
        /// The scan could not run.
        public static let scanFailed = Code("ScanFailed")
    }

    public var code: Code
    public var message: String
    /// The scan error behind a failed scan, when there is one.
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
