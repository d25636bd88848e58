import Foundation
import Model
import Store
import Testing

extension StoreTests {
    @Suite("Finding pages")
    struct FindingPageTests {
        /// Ten results: a0…a9, severities cycling critical/high/medium/low, every third one passing.
        static func results() -> [FindingRecord] {
            (0..<10).map { i in
                var finding = Fixture.finding("a\(i)", verdict: i % 3 == 0 ? .passed : .failed)
                finding.severity = Severity.allCases[i % 4]
                finding.file = i < 5 ? "main.tf" : "modules/db/main.tf"
                return finding
            }
        }

        @Test("cursor pages walk every row once; the last page has no cursor", arguments: Backend.allCases)
        func cursorPages(backend: Backend) async throws {
            try await withStore(backend) { store, _ in
                let scan = try await store.recordScan(Fixture.scan("c1", minute: 0, findings: Self.results())).scanID
                var seen: [String] = []
                var query = FindingQuery(limit: 4)
                var pages = 0
                while true {
                    let page = try await store.findings(scanID: scan, query: query)
                    #expect(page.total == 10)
                    seen += page.findings.map(\.checkID)
                    pages += 1
                    guard let next = page.nextCursor else { break }
                    query.cursor = next
                }
                #expect(pages == 3)
                #expect(seen == (0..<10).map { "CKV_A\($0)" })

                var exact = FindingQuery(limit: 5)
                exact.offset = 5
                let last = try await store.findings(scanID: scan, query: exact)
                #expect(last.findings.map(\.checkID) == (5..<10).map { "CKV_A\($0)" } && last.nextCursor == nil)
                exact.offset = 10
                #expect(try await store.findings(scanID: scan, query: exact).findings.isEmpty)
                #expect(try await store.findings(scanID: scan, query: FindingQuery(limit: 0)).findings.isEmpty)
            }
        }

        @Test("filters combine: severity, verdict, check, resource, file", arguments: Backend.allCases)
        func filters(backend: Backend) async throws {
            try await withStore(backend) { store, _ in
                let scan = try await store.recordScan(Fixture.scan("c1", minute: 0, findings: Self.results())).scanID
                var query = FindingQuery()
                query.severities = [.critical, .high]
                #expect(
                    try await store.findings(scanID: scan, query: query).findings.map(\.checkID) == [
                        "CKV_A0", "CKV_A1", "CKV_A4", "CKV_A5", "CKV_A8", "CKV_A9",
                    ])
                query.verdicts = [.failed]
                #expect(try await store.findings(scanID: scan, query: query).total == 4)
                query.file = "main.tf"
                #expect(try await store.findings(scanID: scan, query: query).findings.map(\.checkID) == ["CKV_A1", "CKV_A4"])
                query.resource = "aws_s3_bucket.a4"
                #expect(try await store.findings(scanID: scan, query: query).findings.map(\.checkID) == ["CKV_A4"])
                query.checkID = "CKV_A1"
                #expect(try await store.findings(scanID: scan, query: query).total == 0)
            }
        }

        @Test("new and resolved since another commit's scan", arguments: Backend.allCases)
        func sinceCommit(backend: Backend) async throws {
            try await withStore(backend) { store, _ in
                let before = try await store.recordScan(
                    Fixture.scan("c1", minute: 0, findings: [Fixture.finding("a"), Fixture.finding("b")])
                ).scanID
                let after = try await store.recordScan(
                    Fixture.scan(
                        "c2", minute: 1,
                        findings: [Fixture.finding("b"), Fixture.finding("c"), Fixture.finding("d", verdict: .passed)])
                ).scanID
                var query = FindingQuery()
                query.sinceScanID = before
                query.change = .new
                #expect(try await store.findings(scanID: after, query: query).findings.map(\.checkID) == ["CKV_C"])
                query.change = .resolved
                #expect(try await store.findings(scanID: after, query: query).findings.map(\.checkID) == ["CKV_A"])
            }
        }
    }
}
