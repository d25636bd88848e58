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

extension StoreTests.LeaseTests {
    /// A process id that was just in use and is now free (a child that exited and was reaped).
    static func deadPID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @Test("a lease left by a dead process on this host is taken over at once", arguments: Backend.allCases)
    func deadHolderOnThisHost(backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let t0 = Fixture.base
            let dead = try Self.deadPID()
            try await store.withTransaction { connection in
                try connection.execute(
                    "INSERT INTO leases (target, owner, expires_at, host, pid) VALUES ($1, $2, $3, $4, $5)",
                    [
                        .text("infra"), .text("gone"), .integer(Int64(t0.addingTimeInterval(3600).timeIntervalSince1970 * 1_000_000)),
                        .text(LeaseHolder.currentHost), .integer(Int64(dead)),
                    ])
            }
            #expect(try await store.leaseHolder(target: "infra")?.isDeadProcessOnThisHost == true)
            #expect(try await store.claimLease(target: "infra", owner: "b", ttl: .seconds(60), now: t0) == .taken)
            let holder = try #require(try await store.leaseHolder(target: "infra"))
            #expect(holder.owner == "b" && holder.host == LeaseHolder.currentHost && holder.pid == LeaseHolder.currentPID)
        }
    }

    @Test("a lease of a live process, or of another host, is still busy until it expires", arguments: Backend.allCases)
    func liveOrRemoteHolder(backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let t0 = Fixture.base
            let expiry = Int64(t0.addingTimeInterval(3600).timeIntervalSince1970 * 1_000_000)
            let dead = try Self.deadPID()
            try await store.withTransaction { connection in
                try connection.execute(
                    "INSERT INTO leases (target, owner, expires_at, host, pid) VALUES ($1, $2, $3, $4, $5)",
                    [.text("live"), .text("other"), .integer(expiry), .text(LeaseHolder.currentHost), .integer(1)])
                try connection.execute(
                    "INSERT INTO leases (target, owner, expires_at, host, pid) VALUES ($1, $2, $3, $4, $5)",
                    [.text("remote"), .text("other"), .integer(expiry), .text("elsewhere.example"), .integer(Int64(dead))])
            }
            #expect(try await store.claimLease(target: "live", owner: "b", ttl: .seconds(60), now: t0) == .busy)
            #expect(try await store.claimLease(target: "remote", owner: "b", ttl: .seconds(60), now: t0) == .busy)
            #expect(
                try await store.leaseHolder(target: "live")?.description.hasPrefix("other (\(LeaseHolder.currentHost) pid 1) until ")
                    == true)
        }
    }
}
