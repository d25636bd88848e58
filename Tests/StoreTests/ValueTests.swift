import Foundation
import Store
import Testing

extension StoreTests {
    @Suite("SQL values")
    struct ValueTests {
        @Test("every SQLValue kind round-trips through a bound parameter", arguments: Backend.allCases)
        func roundTrip(backend: Backend) async throws {
            try await withStore(backend) { store, _ in
                let values: [SQLValue] = [
                    .integer(Int64.max), .integer(Int64.min), .integer(0), .real(-1.25), .real(1e-300),
                    .text(""), .text("héllo ✓ 'q' \"dq\" \\ \t\n"), .blob([0, 1, 127, 128, 255]), .blob([]), .null,
                ]
                let echoed = try await store.withRead { connection in
                    try values.map { try connection.queryOne("SELECT $1 AS v", [$0])?["v"] }
                }
                #expect(echoed == values.map { Optional($0) })
            }
        }

        @Test("bulk insert keeps text with tabs, newlines and backslashes intact", arguments: Backend.allCases)
        func bulkEscapes(backend: Backend) async throws {
            try await withStore(backend) { store, _ in
                let scan = try await store.recordScan(
                    Fixture.scan(
                        "esc1", minute: 0,
                        findings: [
                            Fixture.finding("t", title: "tab\there\nnew line \\N \\. end")
                        ]))
                #expect(try await store.results(scanID: scan.scanID).first?.title == "tab\there\nnew line \\N \\. end")
            }
        }

        @Test("PostgreSQL refuses a NUL character with a typed error instead of truncating")
        func nulRefused() async throws {
            try await withStore(.postgresql) { store, _ in
                await #expect(throws: StoreError.self) {
                    try await store.setCursor("nul", "before\u{0}after")
                }
                let error = await #expect(throws: StoreError.self) {
                    _ = try await store.recordScan(
                        Fixture.scan(
                            "nul1", minute: 0,
                            findings: [
                                Fixture.finding("n", title: "a\u{0}b")
                            ]))
                }
                #expect(error?.code == .invalidValue)
                let latest = try await store.latestScan(target: nil)
                #expect(latest == nil)
            }
        }
    }
}
