import Foundation
import Store
import TestSupport
import Testing

extension StoreTests {
    @Suite("Crashes, restarts and concurrent writers")
    struct ResilienceTests {
        @Test("a writer killed mid-transaction leaves the previous state intact", arguments: Backend.allCases)
        func killedMidWrite(backend: Backend) async throws {
            try await withStore(backend) { store, configuration in
                let before = try await store.recordScan(
                    Fixture.scan(
                        "before1", minute: 0,
                        findings: [
                            Fixture.finding("a"), Fixture.finding("b"),
                        ]))
                let ready = FileManager.default.temporaryDirectory.appendingPathComponent("ready-\(UUID().uuidString)").path
                let tool = try Subprocess(
                    try Fixture.toolPath(),
                    [
                        "write-synthetic", "--url", Backend.url(configuration), "--findings", "20000", "--target", "infra",
                        "--commit", "crashed", "--pause-after", "5000", "--ready-file", ready,
                    ])
                var waited = 0
                while !FileManager.default.fileExists(atPath: ready) && tool.isRunning && waited < 1200 {
                    try await Task.sleep(for: .milliseconds(100))
                    waited += 1
                }
                let wasMidWrite = FileManager.default.fileExists(atPath: ready)
                tool.kill(SIGKILL)
                let outcome = await tool.wait()
                try? FileManager.default.removeItem(atPath: ready)
                #expect(wasMidWrite, "the tool never reached the middle of its transaction: \(outcome.output)")
                #expect(outcome.signal == SIGKILL)

                let scans = try await store.scans(target: nil, limit: 10)
                #expect(scans.map(\.id) == [before.scanID])
                #expect(try await store.openFindings(target: "infra").map(\.fingerprint.hex) == ["a", "b"])
                let orphanRows = try await store.withRead { connection in
                    try connection.queryOne(
                        "SELECT COUNT(*) AS n FROM scan_results WHERE scan_id <> $1",
                        [.integer(before.scanID)])?.int("n")
                }
                #expect(orphanRows == 0)
                // The database is still writable, and the lifecycle carries on from the previous scan.
                let after = try await store.recordScan(Fixture.scan("after11", minute: 1, findings: [Fixture.finding("a")]))
                #expect(after.resolvedFindings == 1 && after.newFindings == 0)
            }
        }

        @Test("the pool reconnects after PostgreSQL restarts between two writes")
        func reconnectAfterRestart() async throws {
            // A server of its own: restarting the shared one would break the tests running beside this one.
            let server = PostgresTestServer()
            do {
                let store = try await Store.open(.postgres(conninfo: try await server.createDatabase(), poolSize: 4))
                _ = try await store.recordScan(Fixture.scan("r1", minute: 0, findings: [Fixture.finding("a")]))
                // Several pooled connections exist, all of which the restart kills.
                async let x = store.scans(target: nil, limit: 5)
                async let y = store.openFindings(target: "infra")
                _ = try await (x, y)
                try await server.restart()
                let second = try await store.recordScan(Fixture.scan("r2", minute: 1, findings: [Fixture.finding("a")]))
                #expect(second.newFindings == 0 && second.openFindings == 1)
                async let a = store.scans(target: nil, limit: 5)
                async let b = store.openFindings(target: "infra")
                let (scans, open) = try await (a, b)
                #expect(scans.map(\.commit) == ["r2", "r1"] && open.first?.state == .open)
                await store.close()
            } catch {
                await server.stop()
                throw error
            }
            await server.stop()
        }

        @Test("two writers of one target in one process serialize the lifecycle", arguments: Backend.allCases)
        func concurrentTasks(backend: Backend) async throws {
            try await withStore(backend) { store, _ in
                // The target exists beforehand: a first scan's target insert would serialize the writers by itself.
                _ = try await store.recordScan(Fixture.scan("base", minute: 0, findings: []))
                let findings = (0..<3000).map { Fixture.finding("f\($0)") }
                let recorded = try await withThrowingTaskGroup(of: RecordedScan.self) { group in
                    for (i, commit) in ["left", "right"].enumerated() {
                        group.addTask { try await store.recordScan(Fixture.scan(commit, minute: i, findings: findings)) }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                try await Self.expectSerialized(store, recorded.map(\.newFindings), total: 3000)
            }
        }

        @Test("two writer processes of one target serialize the lifecycle", arguments: Backend.allCases)
        func concurrentProcesses(backend: Backend) async throws {
            try await withStore(backend) { store, configuration in
                let url = Backend.url(configuration)
                _ = try await store.recordScan(Fixture.scan("base", minute: 0, findings: []))
                let tools = try ["left", "right"].map { commit in
                    try Subprocess(
                        try Fixture.toolPath(),
                        [
                            "write-synthetic", "--url", url, "--findings", "3000",
                            "--target", "infra", "--commit", commit,
                        ])
                }
                var outputs: [String] = []
                for tool in tools {
                    let outcome = await tool.wait()
                    #expect(outcome.succeeded, "\(tool.command): \(outcome.output)")
                    outputs.append(outcome.output)
                }
                let newCounts = outputs.compactMap { line in
                    line.split(separator: " ").first { $0.hasPrefix("new=") }.flatMap { Int($0.dropFirst(4)) }
                }
                try await Self.expectSerialized(store, newCounts, total: 3000)
            }
        }

        /// Exactly one of two identical scans saw the findings as new; every finding is open once, first seen in
        /// the scan recorded first.
        static func expectSerialized(_ store: Store, _ newCounts: [Int], total: Int) async throws {
            #expect(newCounts.sorted() == [0, total])
            let scans = try await store.scans(target: "infra", limit: 10).filter { $0.commit != "base" }
            #expect(scans.count == 2)
            let first = try #require(scans.last)
            #expect(first.newFindings == total)
            let open = try await store.openFindings(target: "infra")
            #expect(open.count == total)
            #expect(open.allSatisfy { $0.state == .open && $0.firstSeenCommit == first.commit })
        }
    }
}
