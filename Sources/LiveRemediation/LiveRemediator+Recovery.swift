import Checks
import Foundation
import Model
import Store

/// What re-verifying an interrupted apply decided.
public struct RecoveryOutcome: Sendable {
    /// How the request was settled.
    public enum Result: Sendable, Equatable {
        /// The re-read shows the change in place: the request moved to `applied` (and on to `verified` when the
        /// check passes).
        case applied
        /// The re-read shows the change not in place: the request moved to `failed`.
        case failed(reason: String)
        /// The resource could not be read or judged: the request stays `applying`, the reason is in its trail.
        case undecided(reason: String)
    }

    public var record: RemediationRecord
    public var result: Result
}

extension LiveRemediator {
    /// Re-verifies a request left in `applying` by a process that died during apply: reads the resource through
    /// the same fix clients and re-runs its check. The change in place → `applied` (then verified); not in place
    /// → `failed` (approve it again to retry); not readable → stays `applying`. Every decision has an audit row.
    /// A request in any other status is a `.wrongState` error.
    public func recover(id: Int64, by actor: String) async throws -> RecoveryOutcome {
        let record = try await load(id)
        guard record.status == .applying else {
            throw LiveRemediationError(
                .wrongState, "remediation \(id) is \(record.status.rawValue); only an applying request is recovered",
                checkID: record.checkID, resource: record.resourceAddress)
        }
        let plan: LivePlan
        do {
            plan = try LivePlan.decode(record.plan, remediationID: id)
        } catch {
            return try await undecided(id, actor, "\(error)")
        }
        guard let check = checks[plan.checkID] else {
            return try await undecided(id, actor, "check \(plan.checkID) is not in the loaded library")
        }
        let resources: [Resource]
        do {
            resources = try await clients.reread(plan)
        } catch {
            return try await undecided(id, actor, error.description)
        }
        let reason = LiveVerifier.failure(of: plan, check: check, resources: resources)
        if let reason {
            let detail =
                "apply was interrupted; the re-read shows the change not in place (\(reason)); calls may have been "
                + "partly sent and nothing was rolled back: approve again to retry"
            let moved = try await store.transitionRemediation(
                id: id, from: [.applying], to: .failed, actor: actor, detail: detail, at: now())
            return RecoveryOutcome(record: try await settled(moved, id), result: .failed(reason: reason))
        }
        let moved = try await store.transitionRemediation(
            id: id, from: [.applying], to: .applied, actor: actor,
            detail: "apply was interrupted; the re-read shows the change in place", at: now())
        guard moved != nil else { return RecoveryOutcome(record: try await load(id), result: .applied) }
        let verified = try await verify(id: id, by: actor)
        return RecoveryOutcome(record: verified.record, result: .applied)
    }

    /// Recovers every request that has been `applying` for longer than `stuckAfter` (a live apply takes seconds;
    /// a younger one may still be running in another process). `clients` gives the fix clients for a request's
    /// plan (nil: none can be built here; the request is left as it is).
    public static func recoverInterrupted(
        store: Store, checks: [CheckDefinition], stuckAfter: TimeInterval, actor: String, now: Date = Date(),
        clients: (LivePlan) -> FixClients?
    ) async throws -> [RecoveryOutcome] {
        var outcomes: [RecoveryOutcome] = []
        for record in try await store.remediations(status: .applying, target: nil)
        where now.timeIntervalSince(record.updatedAt) >= stuckAfter {
            guard let id = record.id, let plan = try? LivePlan.decode(record.plan, remediationID: id),
                let fixClients = clients(plan)
            else { continue }
            let remediator = LiveRemediator(store: store, clients: fixClients, checks: checks)
            outcomes.append(try await remediator.recover(id: id, by: actor))
        }
        return outcomes
    }

    private func undecided(_ id: Int64, _ actor: String, _ reason: String) async throws -> RecoveryOutcome {
        let kept = try await store.transitionRemediation(
            id: id, from: [.applying], to: .applying, actor: actor,
            detail: "recovery could not decide whether the interrupted apply took effect: \(reason)", at: now())
        return RecoveryOutcome(record: try await settled(kept, id), result: .undecided(reason: reason))
    }

    private func settled(_ moved: RemediationRecord?, _ id: Int64) async throws -> RemediationRecord {
        if let moved { return moved }
        return try await load(id)
    }
}
