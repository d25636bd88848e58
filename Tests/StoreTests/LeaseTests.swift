import Foundation
import Store
import Testing

extension StoreTests {
    @Suite("Lease takeover and fencing")
    struct LeaseTests {
        @Test("claimLease tells a renewal from a takeover", arguments: Backend.allCases)
        func claims(backend: Backend) async throws {
            try await withStore(backend) { store, _ in
                let t0 = Fixture.base
                func claim(_ owner: String, _ seconds: Double) async throws -> LeaseClaim {
                    try await store.claimLease(target: "infra", owner: owner, ttl: .seconds(60), now: t0.addingTimeInterval(seconds))
                }
                #expect(try await claim("a", 0) == .taken)
                #expect(try await claim("a", 10) == .renewed)
                #expect(try await claim("b", 20) == .busy)
                // Lapsed, but nobody took it meanwhile: what `a` knows about the target is still current.
                #expect(try await claim("a", 100) == .renewed)
                #expect(try await claim("b", 200) == .taken)
                #expect(try await claim("a", 300) == .taken)
                // After a release anyone (the releaser too) may have held it in between: a takeover.
                try await store.releaseLease(target: "infra", owner: "a")
                #expect(try await claim("a", 301) == .taken)
            }
        }

        @Test("a scan stored under a lease is refused once another replica holds it", arguments: Backend.allCases)
        func fencing(backend: Backend) async throws {
            try await withStore(backend) { store, _ in
                let t0 = Fixture.base
                let asA = RecordScanOptions(leaseOwner: "a")
                #expect(try await store.claimLease(target: "infra", owner: "a", ttl: .seconds(60), now: t0) == .taken)
                _ = try await store.recordScan(Fixture.scan("c1", minute: 0, findings: [Fixture.finding("x")]), options: asA)
                // a's lease lapsed mid-cycle and b took the target over: a's late write must not land.
                #expect(
                    try await store.claimLease(target: "infra", owner: "b", ttl: .seconds(60), now: t0.addingTimeInterval(120)) == .taken)
                let late = await #expect(throws: StoreError.self) {
                    try await store.recordScan(Fixture.scan("c2", minute: 1, findings: []), options: asA)
                }
                #expect(late?.code == .leaseLost)
                #expect(late?.description.contains("held by b") == true)
                _ = try await store.recordScan(Fixture.scan("c2", minute: 2, findings: []), options: RecordScanOptions(leaseOwner: "b"))
                #expect(try await store.scans(target: "infra", limit: 10).map(\.commit) == ["c2", "c1"])
                // No lease at all is no lease to write under.
                await #expect(throws: StoreError.self) {
                    try await store.recordScan(Fixture.scan("o1", target: "other", minute: 0, findings: []), options: asA)
                }
                // Without an owner (CLI scans, tools) nothing is checked.
                _ = try await store.recordScan(Fixture.scan("o1", target: "other", minute: 0, findings: []))
            }
        }
    }
}
