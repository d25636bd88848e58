import Foundation

/// The reconcile loop's view of one target, Kubernetes-condition style.
public struct TargetStatusRecord: Sendable, Hashable, Codable {
    public var target: String
    /// "True", "False" or "Unknown".
    public var ready: String
    /// "Succeeded", "Reconciling", "Stalled", "Failed", …
    public var reason: String
    public var message: String
    /// "main@sha1:…".
    public var lastObservedCommit: String?
    public var lastError: String?
    public var lastAttemptAt: Date
    public var nextRunAt: Date?
    public var failures: Int
    public var owner: String?

    /// Memberwise.
    public init(
        target: String, ready: String, reason: String, message: String, lastObservedCommit: String? = nil,
        lastError: String? = nil, lastAttemptAt: Date, nextRunAt: Date? = nil, failures: Int = 0,
        owner: String? = nil
    ) {
        self.target = target
        self.ready = ready
        self.reason = reason
        self.message = message
        self.lastObservedCommit = lastObservedCommit
        self.lastError = lastError
        self.lastAttemptAt = lastAttemptAt
        self.nextRunAt = nextRunAt
        self.failures = failures
        self.owner = owner
    }
}
