import Foundation
import Store
import Testing

extension StoreTests {
    @Suite("Queries of the dashboard")
    struct DashboardQueriesTests {
        @Test("target names join scanned targets and targets with only a status", arguments: Backend.allCases)
        func targetNames(backend: Backend) async throws {
            try await withStore(backend) { store, _ in
                #expect(try await store.targetNames() == [])
                _ = try await store.recordScan(Fixture.scan("a1", target: "prod", minute: 0, findings: []))
                _ = try await store.recordScan(Fixture.scan("a2", target: "prod", minute: 1, findings: []))
                try await store.saveTargetStatus(
                    TargetStatusRecord(
                        target: "edge", ready: "Unknown", reason: "Reconciling", message: "",
                        lastAttemptAt: Fixture.base))
                try await store.saveTargetStatus(
                    TargetStatusRecord(
                        target: "prod", ready: "True", reason: "Succeeded", message: "",
                        lastAttemptAt: Fixture.base))
                #expect(try await store.targetNames() == ["edge", "prod"])
            }
        }
    }
}
