import Foundation
import Store

extension TargetStatus {
    /// The stored form.
    public var record: TargetStatusRecord {
        TargetStatusRecord(
            target: target, ready: ready.rawValue, reason: reason.rawValue, message: message,
            lastObservedCommit: lastObservedCommit, lastError: lastError, lastAttemptAt: lastAttemptAt ?? Date(),
            nextRunAt: nextRunAt, failures: failures, owner: owner)
    }

    /// Restores a stored status.
    init(_ record: TargetStatusRecord) {
        self.init(target: record.target)
        ready = Ready(rawValue: record.ready) ?? .unknown
        reason = Reason(rawValue: record.reason) ?? .pending
        message = record.message
        lastObservedCommit = record.lastObservedCommit
        lastError = record.lastError
        lastAttemptAt = record.lastAttemptAt
        nextRunAt = record.nextRunAt
        failures = record.failures
        owner = record.owner
    }
}
