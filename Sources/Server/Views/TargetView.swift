import Foundation
import Store

/// A target's reconcile status as `bulwark status` shows it, plus a queued immediate cycle if there is one.
struct TargetView: Encodable, Sendable {
    var name: String
    /// True, False or Unknown.
    var ready: String
    var reason: String
    var message: String
    /// `branch@sha1:<sha>`.
    var revision: String?
    var lastError: String?
    var lastAttemptAt: Date?
    var nextRunAt: Date?
    var failures: Int
    var queuedCycle: String?

    init(name: String, record: TargetStatusRecord?, queuedCycle: String?) {
        self.name = name
        ready = record?.ready ?? "Unknown"
        reason = record?.reason ?? "Pending"
        message = record?.message ?? "waiting for the first reconciliation"
        revision = record?.lastObservedCommit
        lastError = record?.lastError
        lastAttemptAt = record?.lastAttemptAt
        nextRunAt = record?.nextRunAt
        failures = record?.failures ?? 0
        self.queuedCycle = queuedCycle
    }
}

/// The answer to "reconcile now".
struct CycleRequestView: Encodable, Sendable {
    var target: String
    var cycleID: String
    /// False when a cycle was already queued (its id is returned again).
    var queued: Bool
}
