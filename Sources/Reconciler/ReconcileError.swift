import CommitScan
import ControllerConfig

/// A failure of a reconcile cycle or of the controller's configuration, with the target it concerns, its cause and
/// where it was made.
public struct ReconcileError: Error, Sendable, CustomStringConvertible {
    /// What failed; `retriable` decides between backoff (Failed) and waiting for a fix (Stalled).
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        /// Retriable failures back off exponentially; the others stall the target until its next interval.
        public let retriable: Bool
        private init(_ rawValue: String, retriable: Bool) {
            self.rawValue = rawValue
            self.retriable = retriable
        }
        public var description: String { rawValue }

        /// The config file is unreadable or invalid.
        public static let invalidConfig = Code("InvalidConfig", retriable: false)
        /// A credential reference points at nothing.
        public static let missingSecret = Code("MissingSecret", retriable: false)
        /// The repository URL cannot be used (bad scheme, not a repository).
        public static let invalidRepository = Code("InvalidRepository", retriable: false)
        /// The branch or revision does not exist on the remote.
        public static let revisionNotFound = Code("RevisionNotFound", retriable: false)
        /// Authentication was refused.
        public static let authentication = Code("AuthenticationFailed", retriable: false)
        /// Fetching failed (network, timeout, remote error).
        public static let fetchFailed = Code("FetchFailed", retriable: true)
        /// Reading the commit's files failed.
        public static let artifactFailed = Code("ArtifactFailed", retriable: true)
        /// The scan could not run.
        public static let scanFailed = Code("ScanFailed", retriable: true)
        /// The database write failed.
        public static let storeFailed = Code("StoreFailed", retriable: true)
        /// A later stage (discovery, anomaly, remediation) failed.
        public static let stageFailed = Code("StageFailed", retriable: true)
        /// The cycle ran past the target's timeout.
        public static let timeout = Code("Timeout", retriable: true)
        /// Another replica took the target's lease during the cycle; nothing of the cycle was stored.
        public static let leaseLost = Code("LeaseLost", retriable: true)
        /// A cloud could not be read at all (credentials, account identity, subscription); retried with backoff.
        public static let cloudUnavailable = Code("CloudUnavailable", retriable: true)
    }

    public var code: Code
    public var message: String
    /// The target the failure belongs to, when there is one.
    public var target: String?
    /// The error this one wraps (a Git, store, scan or cloud error), kept for logs and classification.
    public var underlying: (any Error)?
    /// Where the error was made.
    public var file: String
    public var line: Int

    /// Builds an error; `file` and `line` default to the caller's position.
    public init(
        _ code: Code, _ message: String, target: String? = nil, underlying: (any Error)? = nil,
        file: String = #fileID, line: Int = #line
    ) {
        self.code = code
        self.message = message
        self.target = target
        self.underlying = underlying
        self.file = file
        self.line = line
    }

    /// A configuration problem (invalid config, missing secret) as a reconcile error: neither is retriable.
    public init(
        _ error: ConfigError, target: String? = nil, prefix: String = "", file: String = #fileID,
        line: Int = #line
    ) {
        let code: Code = error.code == .missingSecret ? .missingSecret : .invalidConfig
        self.init(code, prefix + error.message, target: target, underlying: error, file: file, line: line)
    }

    /// A commit that could not be read or scanned, as a reconcile error of the same code.
    public init(_ error: CommitScanError, target: String? = nil, file: String = #fileID, line: Int = #line) {
        let code: Code = error.code == .scanFailed ? .scanFailed : .artifactFailed
        self.init(code, error.message, target: target, underlying: error, file: file, line: line)
    }

    public var description: String {
        (target.map { "target \($0): " } ?? "") + "\(code.rawValue): \(message)"
    }
}
