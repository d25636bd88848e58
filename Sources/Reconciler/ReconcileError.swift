/// A failure of a reconcile cycle or of the controller's configuration, with the target it concerns.
public struct ReconcileError: Error, Sendable, CustomStringConvertible {
    /// What failed; `retriable` decides between backoff (Failed) and waiting for a fix (Stalled).
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        /// Retriable failures back off exponentially; the others stall the target until its next interval.
        public let retriable: Bool
        public init(_ rawValue: String, retriable: Bool) {
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
    }

    public var code: Code
    public var message: String
    /// The target the failure belongs to, when there is one.
    public var target: String?

    /// Builds an error.
    public init(_ code: Code, _ message: String, target: String? = nil) {
        self.code = code
        self.message = message
        self.target = target
    }

    public var description: String {
        (target.map { "target \($0): " } ?? "") + "\(code.rawValue): \(message)"
    }
}
