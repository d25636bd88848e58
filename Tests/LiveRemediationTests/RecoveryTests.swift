import AWS
import Foundation
import LiveRemediation
import Store
import TestSupport
import Testing

/// Requests a dead process left `applying`: re-read through the fix clients (moto) and settled with an audit row.
@Suite("Recovering interrupted applies", .serialized)
struct RecoveryTests {
    /// A proposed and approved BLW-AWS-S3-012 (versioning) request on moto's bucket, moved to `applying` as an
    /// apply that died right after winning the CAS would have left it.
    func interrupted(_ fixture: MotoFixture, _ store: Store, _ remediator: LiveRemediator, client: AWSClient) async throws -> Int64 {
        let findings = try await fixture.findings(["BLW-AWS-S3-012"], client: client)
        let proposal = try #require(
            try await remediator.propose(findings: findings, target: LiveRemediationPolicy(target: "prod", mode: .approve)).first)
        let id = try #require(proposal.record?.id)
        _ = try await remediator.approve(id: id, by: "alice")
        #expect(
            try await store.transitionRemediation(
                id: id, from: [.approved], to: .applying, actor: "controller-1", detail: "apply started", at: Date()) != nil)
        return id
    }

    @Test func aChangeNotInPlaceMovesTheRequestToFailed() async throws {
        try await withMotoStore { fixture, store, client in
            let remediator = LiveRemediator(store: store, clients: FixClients(aws: client), checks: MotoFixture.checks)
            let id = try await interrupted(fixture, store, remediator, client: client)
            let outcome = try await remediator.recover(id: id, by: "operator")
            guard case .failed(let reason) = outcome.result else {
                Issue.record("expected failed, got \(outcome.result)")
                return
            }
            #expect(reason.contains("BLW-AWS-S3-012"))
            #expect(outcome.record.status == .failed)
            let trail = try await store.auditEvents(remediationID: id)
            #expect(trail.map(\.toStatus) == [.proposed, .approved, .applying, .failed])
            #expect(trail.last?.actor == "operator")
            #expect(trail.last?.detail.hasPrefix("apply was interrupted; the re-read shows the change not in place") == true)
            // Settled: a second recovery is a wrong-state error, and the request can be approved again.
            let again = await #expect(throws: LiveRemediationError.self) { try await remediator.recover(id: id, by: "operator") }
            #expect(again?.code == .wrongState)
            #expect(try await remediator.approve(id: id, by: "alice").status == .approved)
        }
    }

    @Test func aChangeInPlaceMovesTheRequestToAppliedAndVerified() async throws {
        try await withMotoStore { fixture, store, client in
            let clients = FixClients(aws: client)
            let remediator = LiveRemediator(store: store, clients: clients, checks: MotoFixture.checks)
            let id = try await interrupted(fixture, store, remediator, client: client)
            // The dead process had sent every call before it died.
            let plan = try await remediator.plan(id: id)
            for call in plan.calls { try await clients.execute(call, plan: plan) }
            let outcome = try await remediator.recover(id: id, by: "operator")
            #expect(outcome.result == .applied)
            #expect(outcome.record.status == .verified)
            let trail = try await store.auditEvents(remediationID: id)
            #expect(trail.map(\.toStatus) == [.proposed, .approved, .applying, .applied, .verified])
            #expect(trail[3].detail == "apply was interrupted; the re-read shows the change in place")
        }
    }

    @Test func startUpRecoveryOnlyTouchesRequestsStuckLongerThanAnApplyTakes() async throws {
        try await withMotoStore { fixture, store, client in
            let clients = FixClients(aws: client)
            let remediator = LiveRemediator(store: store, clients: clients, checks: MotoFixture.checks)
            let id = try await interrupted(fixture, store, remediator, client: client)
            let fresh = try await LiveRemediator.recoverInterrupted(
                store: store, checks: MotoFixture.checks, stuckAfter: 300, actor: "bulwark"
            ) { _ in clients }
            #expect(fresh.isEmpty)
            #expect(try await store.remediation(id: id)?.status == .applying)
            let later = try await LiveRemediator.recoverInterrupted(
                store: store, checks: MotoFixture.checks, stuckAfter: 300, actor: "bulwark",
                now: Date().addingTimeInterval(600)
            ) { _ in clients }
            #expect(later.map(\.record.id) == [id])
            #expect(try await store.remediation(id: id)?.status == .failed)
        }
    }

    @Test func aRequestWhoseResourceCannotBeReadStaysApplyingWithAnAuditRow() async throws {
        let (store, directory) = try await temporarySQLiteStore()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (result, bucket) = try RegressionTests.unversionedBucket()
        // No AWS client: the re-read cannot happen, so nothing can be decided.
        let remediator = LiveRemediator(store: store, clients: FixClients(), checks: MotoFixture.checks)
        let id = try #require(
            try await remediator.propose(
                findings: [LiveFinding(result: result, resource: bucket, detectedAt: Date())],
                target: LiveRemediationPolicy(target: "prod", mode: .approve)
            ).first?.record?.id)
        _ = try await remediator.approve(id: id, by: "alice")
        _ = try await store.transitionRemediation(id: id, from: [.approved], to: .applying, actor: "c", detail: "apply started", at: Date())
        let outcome = try await remediator.recover(id: id, by: "operator")
        guard case .undecided(let reason) = outcome.result else {
            Issue.record("expected undecided, got \(outcome.result)")
            return
        }
        #expect(reason.contains("no AWS client"))
        #expect(outcome.record.status == .applying)
        let last = try #require(try await store.auditEvents(remediationID: id).last)
        #expect(last.fromStatus == .applying && last.toStatus == .applying)
        #expect(last.detail.hasPrefix("recovery could not decide whether the interrupted apply took effect"))
        await store.close()
    }
}
