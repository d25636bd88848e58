import Foundation
import Model
import Store
import Testing

extension StoreTests {
    @Suite("Compliance of several frameworks in one scan")
    struct ManyFrameworksTests {
        /// Four frameworks whose control IDs collide ("1") are kept apart per framework, in rows and in history.
        @Test("four frameworks recorded by one scan stay apart", arguments: Backend.allCases)
        func fourFrameworks(backend: Backend) async throws {
            let frameworks = ["aws-fsbp", "cis-aws", "cis-azure", "nist-800-53"]
            try await withStore(backend) { store, _ in
                let statuses: [ControlStatus] = [.passed, .failed, .unknown, .notApplicable]
                var rows: [ComplianceRecord] = []
                for (framework, status) in zip(frameworks, statuses) {
                    rows.append(Fixture.control("1", status, framework: framework))
                    rows.append(Fixture.control("2", .passed, framework: framework))
                }
                let recorded = try await store.recordScan(
                    Fixture.scan("4444444dddd", minute: 0, findings: [], compliance: rows))
                #expect(try await store.compliance(scanID: recorded.scanID, framework: nil).count == 8)
                for (framework, status) in zip(frameworks, statuses) {
                    let controls = try await store.compliance(scanID: recorded.scanID, framework: framework)
                    #expect(controls.map(\.control.id) == ["1", "2"], "\(framework)")
                    #expect(controls.first?.status == status, "\(framework)")
                    #expect(Set(controls.map(\.framework)) == [framework])
                }
                let scores = try await frameworks.asyncMap { try await store.history(target: "infra", framework: $0, limit: 5) }
                #expect(scores.map { $0.map(\.score) } == [[1.0], [0.5], [1.0], [1.0]])
            }
        }
    }
}

extension Array {
    fileprivate func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var out: [T] = []
        for element in self { out.append(try await transform(element)) }
        return out
    }
}
