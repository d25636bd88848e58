import Foundation
import Model
import Store
import Testing

extension StoreTests {
    @Suite("Scans and finding lifecycle")
    struct LifecycleTests {
        @Test("scans are recorded and read back, newest first, by commit prefix", arguments: Backend.allCases)
        func recordAndRead(backend: Backend) async throws {
            try await withStore(backend) { store, _ in
                let first = try await store.recordScan(
                    Fixture.scan(
                        "aaaaaaa1111", minute: 0,
                        findings: [
                            Fixture.finding("a"), Fixture.finding("b", verdict: .passed),
                        ]))
                _ = try await store.recordScan(Fixture.scan("bbbbbbb2222", target: "other", minute: 1, findings: []))
                let scans = try await store.scans(target: nil, limit: 10)
                #expect(scans.map(\.commit) == ["bbbbbbb2222", "aaaaaaa1111"])
                let latest = try #require(try await store.latestScan(target: "infra"))
                #expect(latest.id == first.scanID)
                #expect(latest.repo == "example/infra" && latest.branch == "main" && latest.trigger == "cli")
                #expect(latest.status == .succeeded && latest.resourceCount == 1 && latest.findingCount == 2)
                #expect(latest.finishedAt == Fixture.base.addingTimeInterval(30))
                #expect(try await store.scan(target: nil, commit: "aaaaaaa")?.id == first.scanID)
                #expect(try await store.scan(target: "other", commit: "aaaaaaa") == nil)
                #expect(try await store.scan(target: nil, commit: "aaaaa") == nil)  // under 7: exact only
                let results = try await store.results(scanID: first.scanID)
                #expect(results.map(\.fingerprint.hex) == ["a", "b"])
                #expect(results[0].lifecycle == .new && results[0].firstSeenCommit == "aaaaaaa1111")
                #expect(results[0].controls == ["cis-aws:2.1.1"] && results[0].line == 3)
                #expect(results[1].lifecycle == nil)
            }
        }

        @Test("an ambiguous commit prefix is an error", arguments: Backend.allCases)
        func ambiguousPrefix(backend: Backend) async throws {
            try await withStore(backend) { store, _ in
                _ = try await store.recordScan(Fixture.scan("abcdef01", minute: 0, findings: []))
                _ = try await store.recordScan(Fixture.scan("abcdef02", minute: 1, findings: []))
                await #expect(throws: StoreError.self) { try await store.scan(target: nil, commit: "abcdef0") }
                #expect(try await store.scan(target: nil, commit: "abcdef02")?.commit == "abcdef02")
            }
        }

        @Test("new → open → resolved → reopened, with first-seen and resolved-in commits", arguments: Backend.allCases)
        func lifecycleAcrossScans(backend: Backend) async throws {
            try await withStore(backend) { store, _ in
                let s1 = try await store.recordScan(
                    Fixture.scan(
                        "c1", minute: 0,
                        findings: [
                            Fixture.finding("a"), Fixture.finding("b"),
                        ]))
                #expect(s1.newFindings == 2 && s1.resolvedFindings == 0 && s1.openFindings == 2)

                let s2 = try await store.recordScan(
                    Fixture.scan(
                        "c2", minute: 1,
                        findings: [
                            Fixture.finding("a"), Fixture.finding("b", verdict: .passed), Fixture.finding("c"),
                        ]))
                #expect(s2.newFindings == 1 && s2.resolvedFindings == 1 && s2.openFindings == 2)
                let r2 = try await store.results(scanID: s2.scanID)
                #expect(r2.map(\.lifecycle) == [.open, .resolved, .new])
                #expect(r2[0].firstSeenCommit == "c1" && r2[2].firstSeenCommit == "c2")

                let s3 = try await store.recordScan(
                    Fixture.scan(
                        "c3", minute: 2,
                        findings: [
                            Fixture.finding("b"),
                            Fixture.finding("c", suppression: FindingSuppression(reason: "accepted risk", expires: Fixture.base)),
                        ]))
                #expect(s3.newFindings == 1 && s3.resolvedFindings == 1 && s3.openFindings == 1)
                let all = Dictionary(uniqueKeysWithValues: try await store.allFindings(target: "infra").map { ($0.fingerprint.hex, $0) })
                let a = try #require(all["a"])
                #expect(a.state == .resolved && a.resolvedInCommit == "c3" && a.firstSeenCommit == "c1")
                #expect(a.resolvedAt == Fixture.base.addingTimeInterval(150))
                let b = try #require(all["b"])
                #expect(b.state == .new && b.firstSeenCommit == "c1" && b.resolvedInCommit == nil && b.reopenCount == 1)
                #expect(b.lastSeenCommit == "c3")
                let c = try #require(all["c"])
                #expect(c.state == .suppressed && c.suppression?.reason == "accepted risk" && c.suppression?.expires == Fixture.base)

                // A partial scan that saw nothing resolves nothing.
                let s4 = try await store.recordScan(Fixture.scan("c4", minute: 3, status: .partial, findings: []))
                #expect(s4.resolvedFindings == 0 && s4.newFindings == 0 && s4.openFindings == 1)
                #expect(Set(try await store.openFindings(target: "infra").map(\.fingerprint.hex)) == ["b", "c"])

                let s5 = try await store.recordScan(Fixture.scan("c5", minute: 4, findings: [Fixture.finding("b")]))
                #expect(s5.newFindings == 0 && s5.resolvedFindings == 1 && s5.openFindings == 1)
                let open = try await store.openFindings(target: "infra")
                #expect(open.map(\.fingerprint.hex) == ["b"] && open.first?.state == .open)

                // Unchanged rows are not rewritten, yet report the scan that last saw them.
                _ = try await store.recordScan(Fixture.scan("c6", minute: 5, findings: [Fixture.finding("b")]))
                let still = try #require(try await store.openFindings(target: "infra").first)
                #expect(still.state == .open && still.lastSeenCommit == "c6" && still.firstSeenCommit == "c1")
                let s7 = try await store.recordScan(Fixture.scan("c7", minute: 6, findings: []))
                #expect(s7.resolvedFindings == 1)
                let gone = try #require(try await store.allFindings(target: "infra").first { $0.fingerprint.hex == "b" })
                #expect(gone.state == .resolved && gone.lastSeenCommit == "c6" && gone.resolvedInCommit == "c7")
            }
        }

        @Test("titles with quotes and SQL are stored as data, never run", arguments: Backend.allCases)
        func noSQLFromValues(backend: Backend) async throws {
            try await withStore(backend) { store, _ in
                let nasty = "x'); DROP TABLE scans; -- \"quoted\" \\ back\tslash\nnewline $1 ?1 % _"
                let scan = try await store.recordScan(
                    Fixture.scan(
                        nasty, target: nasty, minute: 0,
                        findings: [
                            Fixture.finding("q", title: nasty)
                        ]))
                let results = try await store.results(scanID: scan.scanID)
                #expect(results.first?.title == nasty)
                #expect(try await store.latestScan(target: nasty)?.commit == nasty)
                #expect(try await store.scan(target: nasty, commit: nasty)?.id == scan.scanID)
                #expect(try await store.openFindings(target: nasty).first?.title == nasty)
                try await store.setCursor(nasty, nasty)
                #expect(try await store.cursor(nasty) == nasty)
                #expect(try await store.scans(target: nil, limit: 5).count == 1)
            }
        }
    }
}
