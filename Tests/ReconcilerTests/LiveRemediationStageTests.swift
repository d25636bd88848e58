import AWS
import Foundation
import LiveRemediation
import Scanner
import Store
import TestSupport
import Testing

@testable import CommitScan
@testable import ControllerConfig
@testable import Posture
@testable import Reconciler
@testable import Stages

/// The live stage in `approve` mode: a reconcile proposes live fixes for moto's non-compliant resources, and an
/// approved request goes applied → verified, read back through the API.
@Suite(.serialized) struct LiveRemediationStageTests {
    @Test(.timeLimit(.minutes(5))) func approveModeProposesAndAnApprovedFixIsVerified() async throws {
        let moto = try MotoServer()
        defer { moto.stop() }
        try LivePostureStageTests.python(moto, LivePostureFixtures.seedScript)

        let h = try await ReconcileLoopTests.Harness()
        _ = try h.remote.createRepository(
            "live",
            files: [
                "terraform/main.tf": LivePostureFixtures.mainTF,
                "state/prod.tfstate": LivePostureFixtures.awsState(),
            ])
        var target = h.target("live")
        target.paths = ["terraform"]
        target.clouds = TargetConfig.Clouds(aws: .init(regions: ["us-east-1"]))
        target.state = "state/prod.tfstate"
        target.remediation = .approve
        let environment = moto.environment()
        let stage = LivePostureStage(library: CheckLibrary.load(directory: ReconcileLoopTests.checksDirectory), environment: environment)
        let reconciler = h.reconciler([target], stages: [stage])

        let status = try #require(await reconciler.runOnce().first)
        #expect(status.ready == .true, "\(status)")
        #expect(status.message.contains("live fixes:"), "\(status.message)")

        // Approve mode: requests wait; nothing was applied.
        let proposed = try await h.store.remediations(status: .proposed, target: "live")
        let versioning = try #require(
            proposed.first { $0.checkID == "BLW-AWS-S3-012" && $0.liveID?.contains("acme-data") == true },
            "proposed: \(proposed.map { "\($0.checkID) \($0.liveID ?? "")" })")
        #expect(try await h.store.remediations(status: .applied, target: "live").isEmpty)

        // A second cycle over the same findings proposes nothing new (idempotency keys).
        let again = try await reconciler.runOnce(force: true)
        #expect(again.first?.ready == .true)
        #expect(try await h.store.remediations(status: .proposed, target: "live").count == proposed.count)

        let client = try AWSClient.fromEnvironment(environment, profile: nil)
        let checks = CheckLibrary.load(directory: ReconcileLoopTests.checksDirectory).checks
        let remediator = LiveRemediator(store: h.store, clients: LiveRemediation.FixClients(aws: client), checks: checks)
        let id = try #require(versioning.id)
        _ = try await remediator.approve(id: id, by: "alice", reason: "test")
        let outcome = try await remediator.apply(id: id, by: "alice")
        guard case .verified = outcome.result else {
            Issue.record("expected verified, got \(outcome.result)")
            return
        }
        let record = try #require(try await h.store.remediation(id: id))
        #expect(record.status == .verified)
        #expect(record.verifiedAt != nil)
        let audit = try await h.store.auditEvents(remediationID: id)
        #expect(audit.contains { $0.actor == "alice" })
    }
}
