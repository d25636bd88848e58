import Foundation
import Model
import Store
import Testing

extension StoreTests {
    @Suite("Stored vocabulary")
    struct VocabularyTests {
        @Test("severity, verdict, status and origin are stored as their raw strings", arguments: Backend.allCases)
        func storedStrings(backend: Backend) async throws {
            try await withStore(backend) { store, _ in
                let scan = try await store.recordScan(
                    Fixture.scan(
                        "v1", minute: 0,
                        findings: [
                            Fixture.finding("a"), Fixture.finding("b", verdict: .unknown),
                        ], compliance: [Fixture.control("1.1", .notAutomated), Fixture.control("1.2", .notApplicable)]))
                let rows = try await store.withRead { connection in
                    (
                        try connection.query(
                            "SELECT severity, verdict FROM scan_results WHERE scan_id = $1 ORDER BY position",
                            [.integer(scan.scanID)]
                        ).map { "\($0[0].string ?? "") \($0[1].string ?? "")" },
                        try connection.query(
                            "SELECT status FROM scan_compliance WHERE scan_id = $1 ORDER BY position",
                            [.integer(scan.scanID)]
                        ).map { $0[0].string ?? "" },
                        try connection.query(
                            "SELECT origin FROM scan_resources WHERE scan_id = $1",
                            [.integer(scan.scanID)]
                        ).map { $0[0].string ?? "" }
                    )
                }
                #expect(rows.0 == ["high failed", "high unknown"])
                #expect(rows.1 == ["manual", "not_applicable"])
                #expect(rows.2 == ["iac"])
                let read = try await store.results(scanID: scan.scanID)
                #expect(read.map(\.verdict) == [.failed, .unknown] && read.allSatisfy { $0.severity == .high })
                #expect(
                    try await store.compliance(scanID: scan.scanID, framework: nil).map(\.status)
                        == [.notAutomated, .notApplicable])
            }
        }

        @Test("a stored string this build does not know is an error, not a guess", arguments: Backend.allCases)
        func unknownStrings(backend: Backend) async throws {
            try await withStore(backend) { store, _ in
                let scan = try await store.recordScan(Fixture.scan("v2", minute: 0, findings: [Fixture.finding("a")]))
                _ = try await store.withTransaction { connection in
                    try connection.execute(
                        "UPDATE scan_results SET severity = 'urgent' WHERE scan_id = $1",
                        [.integer(scan.scanID)])
                }
                await #expect { try await store.results(scanID: scan.scanID) } throws: { error in
                    (error as? StoreError)?.code == .invalidData && "\(error)".contains("'urgent'")
                }
            }
        }
    }
}
