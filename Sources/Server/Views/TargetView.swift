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

extension TargetView {
    /// The view as `JSONBody.encoder` writes it, members in sorted key order.
    func write(to json: inout JSONText) {
        json.openObject()
        json.member("failures", failures)
        json.member("last_attempt_at", lastAttemptAt)
        json.member("last_error", lastError)
        json.member("message", message)
        json.member("name", name)
        json.member("next_run_at", nextRunAt)
        json.member("queued_cycle", queuedCycle)
        json.member("ready", ready)
        json.member("reason", reason)
        json.member("revision", revision)
        json.closeObject()
    }

    /// `{"targets": [...]}` as the encoder writes it.
    static func list(_ views: [TargetView]) -> JSONText {
        var json = JSONText(capacity: 64 + 320 * views.count)
        json.openObject()
        json.key("targets")
        json.openArray()
        for view in views { view.write(to: &json) }
        json.closeArray()
        json.closeObject()
        return json
    }
}
