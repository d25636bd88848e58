import Foundation

/// A target's condition, shaped like Flux's `Ready` condition: status, reason, message, observed revision.
public struct TargetStatus: Sendable, Hashable {
    /// Condition status: True, False or Unknown (reconciling for the first time).
    public enum Ready: String, Sendable, Hashable {
        case `true` = "True", `false` = "False", unknown = "Unknown"
    }

    /// Why the condition is what it is.
    public enum Reason: String, Sendable, Hashable {
        /// The last cycle scanned and stored the commit.
        case succeeded = "Succeeded"
        /// A cycle is running now.
        case reconciling = "Reconciling"
        /// A retriable failure; the target backs off.
        case failed = "Failed"
        /// A failure no retry fixes (bad URL, missing secret, branch gone); retried only at the full interval.
        case stalled = "Stalled"
        /// `suspend: true` in the config.
        case suspended = "Suspended"
        /// Never reconciled yet.
        case pending = "Pending"
        /// The commit was scanned and stored, but some files or modules could not be loaded: what they hold was
        /// not checked, so the target is not Ready. The load errors are the last error.
        case partialScan = "PartialScan"
        /// Skipped by this run: another live process holds the target's lease (never stored; the holder owns
        /// the stored status).
        case leaseHeld = "LeaseHeld"
    }

    public var target: String
    public var ready: Ready
    public var reason: Reason
    public var message: String
    /// `branch@sha1:<sha>`, Flux's revision format.
    public var lastObservedCommit: String?
    public var lastError: String?
    public var lastAttemptAt: Date?
    public var lastSuccessAt: Date?
    public var nextRunAt: Date?
    /// Consecutive failures (drives the backoff).
    public var failures: Int
    /// The replica that reconciled it last.
    public var owner: String?

    /// A target not reconciled yet.
    public init(target: String) {
        self.target = target
        self.ready = .unknown
        self.reason = .pending
        self.message = "waiting for the first reconciliation"
        self.failures = 0
    }

    /// Flux's revision text for a branch and commit.
    public static func revision(branch: String, commit: String) -> String { "\(branch)@sha1:\(commit)" }

    /// The commit SHA inside `lastObservedCommit`.
    public var observedSHA: String? {
        guard let text = lastObservedCommit, let range = text.range(of: "@sha1:") else { return nil }
        return String(text[range.upperBound...])
    }
}
