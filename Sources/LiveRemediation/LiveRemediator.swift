import Checks
import Foundation
import Model
import Store

/// The live remediation state machine over the `Store`: proposed → approved | rejected → applying → applied | failed
/// → verified. Every transition is a compare-and-set in the database with its audit event in the same transaction,
/// so any number of remediators (processes, replicas sharing PostgreSQL) may run at once: approving twice records one
/// approval and, of two racing applies, only the one whose approved → applying CAS wins sends calls.
public struct LiveRemediator: Sendable {
    public let store: Store
    public let clients: FixClients
    public let catalog: LiveFixCatalog
    let checks: [String: CheckDefinition]
    let now: @Sendable () -> Date

    /// Creates a remediator; `checks` are the definitions verification re-runs (the loaded check library).
    public init(
        store: Store, clients: FixClients, checks: [CheckDefinition], catalog: LiveFixCatalog = .standard,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.store = store
        self.clients = clients
        self.catalog = catalog
        self.checks = Dictionary(checks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.now = now
    }

    /// Records a request for every failed live finding that has a live fix; in `auto` mode applies the ones the
    /// baseline allows. Re-proposing the same finding with the same plan returns the existing request.
    public func propose(findings: [LiveFinding], target: LiveRemediationPolicy) async throws -> [ProposalOutcome] {
        guard target.mode != .off else { return [] }
        var outcomes: [ProposalOutcome] = []
        for finding in findings {
            var outcome = ProposalOutcome(
                checkID: finding.result.checkID, resourceAddress: finding.resource.address,
                record: nil, created: false)
            guard finding.result.verdict == .failed else {
                outcome.skipped = "verdict is \(finding.result.verdict), not FAILED"
                outcomes.append(outcome)
                continue
            }
            guard case .live(let origin) = finding.resource.origin else {
                outcome.skipped = "not a live resource"
                outcomes.append(outcome)
                continue
            }
            // A fix and its rollback are planned from the discovered settings; one that was not read could be
            // exactly what the fix overwrites or restores.
            let unread = finding.resource.attributes.filter { !$0.value.isKnown }.map(\.key).sorted()
            guard unread.isEmpty else {
                outcome.skipped = "not fully read (\(unread.joined(separator: ", ")) unknown); no fix is planned from an unknown"
                outcomes.append(outcome)
                continue
            }
            guard let fix = catalog.fix(for: finding.result.checkID) else {
                outcome.skipped = "no live fix for \(finding.result.checkID)"
                outcomes.append(outcome)
                continue
            }
            let plan: LivePlan
            do {
                plan = try fix.plan(
                    LiveFixContext(
                        checkID: finding.result.checkID, resource: finding.resource,
                        origin: origin, adminCIDR: target.adminCIDR))
            } catch {
                outcome.skipped = error.description
                outcomes.append(outcome)
                continue
            }
            let (stored, created) = try await record(plan, target: target.target, detectedAt: finding.detectedAt)
            outcome.record = stored
            outcome.created = created
            if target.appliesAutomatically(plan.checkID), let id = stored.id, stored.status == .proposed {
                _ = try await approve(id: id, by: "bulwark:auto", reason: "auto-remediable in the target's baseline")
                let applied = try await apply(id: id, by: "bulwark:auto")
                outcome.applied = applied
                outcome.record = applied.record
            }
            outcomes.append(outcome)
        }
        return outcomes
    }

    /// Creates the request for `plan`, or returns the one with its idempotency key. A request verified before the
    /// finding was detected again is history, not an answer: the regression gets a new request whose key names the
    /// verification it follows, so every replica derives the same key and still creates it once.
    private func record(_ plan: LivePlan, target: String, detectedAt: Date) async throws -> (RemediationRecord, Bool) {
        let text = try plan.json()
        var key = "live|\(target)|\(plan.checkID)|\(plan.liveID)|\(Fingerprint(hashing: try plan.withoutUndo().json()).hex)"
        for _ in 0..<100 {
            let at = now()
            let (stored, created) = try await store.createRemediation(
                RemediationRecord(
                    idempotencyKey: key, target: target, checkID: plan.checkID, resourceAddress: plan.resourceAddress,
                    liveID: plan.liveID, kind: "live", plan: text, detectedAt: detectedAt, createdAt: at, updatedAt: at))
            guard !created, stored.status == .verified, let verified = stored.verifiedAt, detectedAt > verified else {
                return (stored, created)
            }
            key = stored.idempotencyKey.split(separator: "|after:").first.map(String.init) ?? stored.idempotencyKey
            key += "|after:\(Int64(verified.timeIntervalSince1970 * 1_000_000))"
        }
        throw LiveRemediationError(
            .invalidPlan, "more than 100 regressions of \(plan.checkID) on \(plan.liveID)",
            checkID: plan.checkID, resource: plan.liveID)
    }

    /// Approves a request. Idempotent: approving an approved (or later) request changes nothing and records nothing.
    /// A failed request may be approved again to retry it.
    public func approve(id: Int64, by actor: String, reason: String = "approved") async throws -> RemediationRecord {
        try await decide(
            id, from: [.proposed, .failed], to: .approved, actor: actor, detail: reason,
            settled: [.approved, .applying, .applied, .verified], verb: "approved")
    }

    /// Rejects a proposed (or approved, not yet applying) request.
    public func reject(id: Int64, by actor: String, reason: String = "rejected") async throws -> RemediationRecord {
        try await decide(
            id, from: [.proposed, .approved], to: .rejected, actor: actor, detail: reason,
            settled: [.rejected], verb: "rejected")
    }

    /// A person's decision as one CAS; a request already at or past the decision (`settled`) is returned unchanged
    /// with no audit row, anything else is a wrong-state error naming the status.
    private func decide(
        _ id: Int64, from: Set<RemediationStatus>, to: RemediationStatus, actor: String, detail: String,
        settled: Set<RemediationStatus>, verb: String
    ) async throws -> RemediationRecord {
        if let moved = try await store.transitionRemediation(
            id: id, from: from, to: to, actor: actor, detail: detail,
            at: now())
        {
            return moved
        }
        let current = try await load(id)
        if settled.contains(current.status) { return current }
        throw LiveRemediationError(
            .wrongState, "remediation \(id) is \(current.status.rawValue); it cannot be \(verb)",
            checkID: current.checkID, resource: current.resourceAddress)
    }

    /// The stored plan of a request: what a dry run prints. Sends nothing.
    public func plan(id: Int64) async throws -> LivePlan {
        let record = try await load(id)
        return try LivePlan.decode(record.plan, remediationID: id)
    }

    /// Applies an approved request: wins the approved → applying CAS or does nothing; sends the calls in order;
    /// on the first failure runs the undo calls of the completed calls newest first (`LiveRollback`), records the
    /// rollback in the audit trail and moves the request to `failed` with an error naming the failing call and
    /// saying "rolled back: …" or exactly what was left in place; else `applied`, then verifies.
    public func apply(id: Int64, by actor: String) async throws -> ApplyOutcome {
        guard
            let claimed = try await store.transitionRemediation(
                id: id, from: [.approved], to: .applying, actor: actor,
                detail: "apply started", at: now())
        else {
            let current = try await load(id)
            return ApplyOutcome(record: current, result: .notApplied(status: current.status), executed: [])
        }
        let plan: LivePlan
        do {
            plan = try LivePlan.decode(claimed.plan, remediationID: id)
        } catch {
            return try await fail(id, actor: actor, error: error.description, executed: [])
        }
        var executed: [LiveAPICall] = []
        for (index, call) in plan.calls.enumerated() {
            do {
                try await clients.execute(call, plan: plan)
                executed.append(call)
            } catch {
                let failure = "call \(index + 1)/\(plan.calls.count) failed: \(error.description)"
                guard !executed.isEmpty else {
                    return try await fail(id, actor: actor, error: "\(failure); no call completed", executed: [])
                }
                let rollback = await LiveRollback.run(executed, plan: plan, clients: clients)
                // The rollback gets its own audit row (applying → applying) before the request fails, so the trail
                // shows what was undone even if the failed row's detail is later truncated or overwritten by a retry.
                _ = try await store.transitionRemediation(
                    id: id, from: [.applying], to: .applying, actor: actor,
                    detail: "after \(failure): \(rollback.summary)", at: now())
                var outcome = try await fail(
                    id, actor: actor, error: "\(failure); \(rollback.summary)",
                    executed: executed)
                outcome.rollback = rollback
                return outcome
            }
        }
        let summary =
            "\(executed.count) call(s) succeeded: "
            + executed.map(\.api)
            .joined(separator: ", ")
        guard
            try await store.transitionRemediation(
                id: id, from: [.applying], to: .applied, actor: actor,
                detail: summary, at: now()) != nil
        else {
            let current = try await load(id)
            return ApplyOutcome(record: current, result: .notApplied(status: current.status), executed: executed)
        }
        var outcome = try await verify(id: id, by: actor)
        outcome.executed = executed
        return outcome
    }

    /// Re-reads an applied request's resource through discovery and re-runs its check: passes → `verified` (MTTR
    /// recorded), else the request stays `applied` and the reason is added to its audit trail.
    public func verify(id: Int64, by actor: String) async throws -> ApplyOutcome {
        let record = try await load(id)
        guard record.status == .applied else {
            return ApplyOutcome(
                record: record,
                result: record.status == .verified
                    ? .verified
                    : .notApplied(status: record.status), executed: [])
        }
        var reason: String?
        do throws(LiveRemediationError) {
            let plan = try LivePlan.decode(record.plan, remediationID: id)
            if let check = checks[plan.checkID] {
                reason = LiveVerifier.failure(of: plan, check: check, resources: try await clients.reread(plan))
            } else {
                reason = "check \(plan.checkID) is not in the loaded library; cannot verify"
            }
        } catch {
            reason = error.description
        }
        let at = now()
        if let reason {
            let kept = try await store.transitionRemediation(
                id: id, from: [.applied], to: .applied, actor: actor,
                detail: "not verified: \(reason)", at: at)
            let current = if let kept { kept } else { try await load(id) }
            return ApplyOutcome(record: current, result: .applied(reason: reason), executed: [])
        }
        let mttr = Self.duration(at.timeIntervalSince(record.detectedAt))
        guard
            let verified = try await store.transitionRemediation(
                id: id, from: [.applied], to: .verified, actor: actor,
                detail: "check passes on re-read; MTTR \(mttr)",
                at: at)
        else {
            let current = try await load(id)
            return ApplyOutcome(
                record: current,
                result: current.status == .verified
                    ? .verified
                    : .notApplied(status: current.status), executed: [])
        }
        return ApplyOutcome(record: verified, result: .verified, executed: [])
    }

    private func fail(_ id: Int64, actor: String, error: String, executed: [LiveAPICall]) async throws -> ApplyOutcome {
        let record = try await store.transitionRemediation(
            id: id, from: [.applying], to: .failed, actor: actor,
            detail: error, at: now())
        let current = if let record { record } else { try await load(id) }
        return ApplyOutcome(record: current, result: .failed(error: error), executed: executed)
    }

    func load(_ id: Int64) async throws -> RemediationRecord {
        guard let record = try await store.remediation(id: id) else {
            throw LiveRemediationError(.notFound, "no remediation \(id)")
        }
        return record
    }

    /// `1m 05.250s`-style text for audit details and the CLI.
    public static func duration(_ seconds: TimeInterval) -> String {
        let minutes = Int(seconds / 60)
        let rest = seconds - Double(minutes * 60)
        return minutes > 0 ? String(format: "%dm %06.3fs", minutes, rest) : String(format: "%.3fs", rest)
    }
}
