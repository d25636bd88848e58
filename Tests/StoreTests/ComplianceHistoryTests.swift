import Foundation
import Model
import Store
import Testing

extension StoreTests {
    @Suite("Compliance, history and diffs")
    struct ComplianceHistoryTests {
        @Test("compliance rows, history scores oldest → newest, and findings diff", arguments: Backend.allCases)
        func complianceHistoryDiff(backend: Backend) async throws {
            try await withStore(backend) { store, _ in
                _ = try await store.recordScan(
                    Fixture.scan(
                        "1111111aaaa", minute: 0,
                        findings: [
                            Fixture.finding("a"), Fixture.finding("b"),
                        ],
                        compliance: [
                            Fixture.control("1.10", .failed), Fixture.control("1.2", .failed), Fixture.control("1.3", .notAutomated),
                            Fixture.control("9.1", .passed, framework: "cis-azure"),
                        ]))
                let second = try await store.recordScan(
                    Fixture.scan(
                        "2222222bbbb", minute: 1,
                        findings: [
                            Fixture.finding("b"), Fixture.finding("c"),
                            Fixture.finding("d", suppression: FindingSuppression(reason: "ok")),
                        ],
                        compliance: [
                            Fixture.control("1.10", .passed), Fixture.control("1.2", .failed), Fixture.control("1.3", .notAutomated),
                        ]))
                _ = try await store.recordScan(
                    Fixture.scan(
                        "3333333cccc", minute: 2, findings: [],
                        compliance: [
                            Fixture.control("1.10", .passed), Fixture.control("1.2", .passed), Fixture.control("1.3", .notAutomated),
                        ]))

                let controls = try await store.compliance(scanID: second.scanID, framework: "cis-aws")
                #expect(controls.map(\.control.id) == ["1.10", "1.2", "1.3"])  // recorded order, not text order
                #expect(controls[2].control.automated == false && controls[0].passed == 1 && controls[0].frameworkVersion == "5.0.0")
                #expect(try await store.compliance(scanID: second.scanID, framework: nil).count == 3)

                let history = try await store.history(target: "infra", framework: "cis-aws", limit: 10)
                #expect(history.map(\.commit) == ["1111111aaaa", "2222222bbbb", "3333333cccc"])
                #expect(history.map(\.score) == [0.0, 0.5, 1.0])
                #expect(history.map(\.passedControls) == [0, 1, 2] && history.map(\.failedControls) == [2, 1, 0])
                #expect(history.map(\.openFindings) == [2, 2, 0])
                #expect(history.map(\.newFindings) == [2, 1, 0] && history.map(\.resolvedFindings) == [0, 1, 3])
                let lastTwo = try await store.history(target: nil, framework: "cis-aws", limit: 2)
                #expect(lastTwo.map(\.commit) == ["2222222bbbb", "3333333cccc"])
                #expect(try await store.history(target: "infra", framework: "cis-azure", limit: 10).map(\.score) == [1.0, nil, nil])

                let diff = try await store.findingsDiff(target: "infra", fromCommit: "1111111", toCommit: "2222222bbbb")
                #expect(diff.fromCommit == "1111111aaaa" && diff.toCommit == "2222222bbbb")
                #expect(diff.new.map(\.fingerprint.hex) == ["c"])
                #expect(diff.resolved.map(\.fingerprint.hex) == ["a"])
                #expect(diff.unchanged.map(\.fingerprint.hex) == ["b"])
                await #expect(throws: StoreError.self) {
                    try await store.findingsDiff(target: "infra", fromCommit: "9999999", toCommit: "2222222")
                }
            }
        }
    }
}
