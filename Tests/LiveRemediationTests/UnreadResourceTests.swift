import Checks
import Foundation
import LiveRemediation
import Model
import Store
import Testing

/// A live resource discovery did not read completely gets no fix: the plan and its rollback would be made from
/// settings nobody read.
@Suite("Unread live resources (store only)")
struct UnreadResourceTests {
    @Test func aFindingOnAResourceWithUnreadSettingsIsNotProposed() async throws {
        let (store, directory) = try await temporarySQLiteStore()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (result, bucket) = try RegressionTests.unversionedBucket()
        var unread = bucket
        unread.attributes["acl"] = .unknown
        unread.attributes["versioning"] = .unknown
        let remediator = LiveRemediator(store: store, clients: FixClients(), checks: MotoFixture.checks)
        let outcomes = try await remediator.propose(
            findings: [LiveFinding(result: result, resource: unread, detectedAt: Date())],
            target: LiveRemediationPolicy(target: "prod", mode: .approve))
        #expect(outcomes.count == 1)
        #expect(outcomes.first?.record == nil)
        #expect(outcomes.first?.skipped?.contains("acl, versioning unknown") == true, "\(String(describing: outcomes.first?.skipped))")
        // The same finding on the fully read bucket is proposed.
        let read = try await remediator.propose(
            findings: [LiveFinding(result: result, resource: bucket, detectedAt: Date())],
            target: LiveRemediationPolicy(target: "prod", mode: .approve))
        #expect(read.first?.record != nil)
    }
}
