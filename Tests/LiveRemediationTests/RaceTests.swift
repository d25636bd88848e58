import AWS
import Foundation
import LiveRemediation
import Model
import Store
import TestSupport
import Testing

/// Two controllers (two remediators, two clients, one database) approving and applying the same request at once:
/// one approval is recorded and exactly one apply sends the call — on SQLite and on a real PostgreSQL.
@Suite("Concurrent approval and apply", .serialized, .postgresServer)
struct RaceTests {
    enum Backend: String, CaseIterable, Sendable { case sqlite, postgresql }

    @Test(arguments: Backend.allCases)
    func doubleApprovalAndRacingAppliesExecuteOnce(backend: Backend) async throws {
        let fixture = try MotoFixture.start()
        defer { fixture.stop() }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bulwark-race-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let configuration: StoreConfiguration =
            switch backend {
            case .sqlite: .sqlite(path: directory + "/bulwark.db")
            case .postgresql: .postgres(conninfo: try await PostgresTestServer.shared.createDatabase(), poolSize: 4)
            }
        let storeA = try await Store.open(configuration)
        let storeB = try await Store.open(configuration)
        let clientA = fixture.client()
        let clientB = fixture.client()
        let a = LiveRemediator(store: storeA, clients: FixClients(aws: clientA), checks: MotoFixture.checks)
        let b = LiveRemediator(store: storeB, clients: FixClients(aws: clientB), checks: MotoFixture.checks)
        let findings = try await fixture.findings(["BLW-AWS-S3-012"], client: fixture.client())
        let policy = LiveRemediationPolicy(target: "prod", mode: .approve)
        async let proposedA = a.propose(findings: findings, target: policy)
        async let proposedB = b.propose(findings: findings, target: policy)
        let (pa, pb) = try await (proposedA, proposedB)
        let id = try #require(pa.first?.record?.id)
        #expect(pb.first?.record?.id == id)
        #expect([pa.first?.created, pb.first?.created].filter { $0 == true }.count == 1)

        async let approveA = a.approve(id: id, by: "alice")
        async let approveB = b.approve(id: id, by: "bob")
        _ = try await (approveA, approveB)
        _ = try await a.approve(id: id, by: "alice")

        async let applyA = a.apply(id: id, by: "controller-a")
        async let applyB = b.apply(id: id, by: "controller-b")
        let (oa, ob) = try await (applyA, applyB)
        let winners = [oa, ob].filter { !$0.executed.isEmpty }
        #expect(winners.count == 1)
        #expect(winners.first?.result == .verified)
        let loser = oa.executed.isEmpty ? oa : ob
        if case .notApplied = loser.result {} else { Issue.record("the losing apply did something: \(loser.result)") }
        let sent = await calls(clientA, "PutBucketVersioning") + calls(clientB, "PutBucketVersioning")
        #expect(sent == 1)

        let events = try await storeA.auditEvents(remediationID: id)
        #expect(events.filter { $0.toStatus == .approved }.count == 1)
        #expect(events.filter { $0.toStatus == .applying }.count == 1)
        #expect(events.last?.toStatus == .verified)
        #expect(fixture.readbackVersioning() == "Enabled")
        await storeA.close()
        await storeB.close()
    }
}

extension MotoFixture {
    /// The seeded bucket's versioning status, read from moto.
    func readbackVersioning() -> String? { (try? readback())?["bucket_versioning"] as? String }
}
