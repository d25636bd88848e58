import Checks
import Foundation
import LiveRemediation
import Model
import Store
import Testing

/// Idempotency keys across a fix's lifetime: the same open finding maps to one request; a finding detected again
/// after its request was verified (a regression) gets exactly one new request.
@Suite("Decisions and re-proposals (store only)")
struct RegressionTests {
    /// An unversioned live bucket and its failed BLW-AWS-S3-012 result.
    static func unversionedBucket() throws -> (CheckResult, Resource) {
        let check = try #require(MotoFixture.checks.first { $0.id == "BLW-AWS-S3-012" })
        let origin = Resource.LiveOrigin(id: "arn:aws:s3:::b", account: "123456789012", region: "us-east-1")
        let bucket = Resource(
            provider: "aws", type: "aws_s3_bucket", name: "b", origin: .live(origin),
            attributes: ["id": .string("b"), "bucket": .string("b")])
        return (
            CheckResult(
                check: check, resourceAddress: bucket.address, resourceType: bucket.type, range: nil,
                verdict: .failed, evidence: ""), bucket
        )
    }

    @Test func rejectingTwiceRecordsOneRejectionAndARejectedRequestCannotBeApproved() async throws {
        let (store, directory) = try await temporarySQLiteStore()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (result, bucket) = try Self.unversionedBucket()
        let remediator = LiveRemediator(store: store, clients: FixClients(), checks: MotoFixture.checks)
        let id = try #require(
            try await remediator.propose(
                findings: [LiveFinding(result: result, resource: bucket, detectedAt: Date())],
                target: LiveRemediationPolicy(target: "prod", mode: .approve)
            ).first?.record?.id)
        #expect(try await remediator.reject(id: id, by: "erin", reason: "change freeze").status == .rejected)
        #expect(try await remediator.reject(id: id, by: "erin").status == .rejected)
        await #expect(throws: LiveRemediationError.self) { try await remediator.approve(id: id, by: "frank") }
        #expect(try await remediator.apply(id: id, by: "controller").result == .notApplied(status: .rejected))
        let events = try await store.auditEvents(remediationID: id)
        #expect(events.map(\.toStatus) == [.proposed, .rejected])
        #expect(events.last?.actor == "erin" && events.last?.detail == "change freeze")
        await store.close()
    }

    @Test func aRegressionAfterVerificationGetsOneNewRequest() async throws {
        let (store, directory) = try await temporarySQLiteStore()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (result, bucket) = try Self.unversionedBucket()
        let remediator = LiveRemediator(store: store, clients: FixClients(), checks: MotoFixture.checks)
        let policy = LiveRemediationPolicy(target: "prod", mode: .approve)
        let first = Date(timeIntervalSince1970: 1_000)
        let original = try #require(
            try await remediator.propose(
                findings: [LiveFinding(result: result, resource: bucket, detectedAt: first)], target: policy
            ).first?.record)
        let id = try #require(original.id)
        for (from, to) in [
            (RemediationStatus.proposed, RemediationStatus.approved), (.approved, .applying),
            (.applying, .applied), (.applied, .verified),
        ] {
            _ = try await store.transitionRemediation(
                id: id, from: [from], to: to, actor: "test", detail: "",
                at: Date(timeIntervalSince1970: 2_000))
        }
        // The same (old) detection: still the verified request.
        let same = try await remediator.propose(
            findings: [LiveFinding(result: result, resource: bucket, detectedAt: first)],
            target: policy)
        #expect(same.first?.record?.id == id && same.first?.created == false)

        let regression = LiveFinding(result: result, resource: bucket, detectedAt: Date(timeIntervalSince1970: 3_000))
        let again = try await remediator.propose(findings: [regression], target: policy)
        let second = try #require(again.first?.record)
        #expect(again.first?.created == true)
        #expect(second.id != id && second.status == .proposed)
        #expect(second.idempotencyKey == original.idempotencyKey + "|after:2000000000")
        let repeated = try await remediator.propose(findings: [regression], target: policy)
        #expect(repeated.first?.record?.id == second.id && repeated.first?.created == false)
        #expect(try await store.remediations(status: nil, target: "prod").count == 2)
        await store.close()
    }
}
