import Foundation
import Model
import Store
import Testing

extension StoreTests {
    @Suite("Compliance evidence")
    struct ComplianceEvidenceTests {
        static func finding(_ id: String, verdict: Verdict.Kind = .failed, controls: [String]) -> FindingRecord {
            var finding = Fixture.finding(id, verdict: verdict)
            finding.controls = controls
            return finding
        }

        @Test("only the framework's controls of results not skipped, in reported order, one item per control", arguments: Backend.allCases)
        func evidence(backend: Backend) async throws {
            try await withStore(backend) { store, _ in
                let scan = try await store.recordScan(
                    Fixture.scan(
                        "c1", minute: 0,
                        findings: [
                            Self.finding("a1", controls: ["cis-aws:2.1.1", "soc2:CC6.1", "cis-aws:2.1.2"]),
                            Self.finding("a2", verdict: .skipped, controls: ["cis-aws:2.1.1"]),
                            Self.finding("a3", verdict: .passed, controls: ["xcis-aws:9", "CIS-AWS:8", "cis-aws:3"]),
                            Self.finding("a4", verdict: .unknown, controls: []),
                            Self.finding("a5", verdict: .unknown, controls: ["cis-aws:2.1.1"]),
                        ])
                ).scanID
                let evidence = try await store.complianceEvidence(scanID: scan, framework: "cis-aws")
                #expect(evidence.map(\.controlID) == ["2.1.1", "2.1.2", "3", "2.1.1"])
                #expect(evidence.map(\.checkID) == ["CKV_A1", "CKV_A1", "CKV_A3", "CKV_A5"])
                #expect(evidence.map(\.verdict) == [.failed, .failed, .passed, .unknown])
                #expect(evidence.first?.file == "main.tf" && evidence.first?.line == 3)
                #expect(try await store.complianceEvidence(scanID: scan, framework: "soc2").map(\.controlID) == ["CC6.1"])
                #expect(try await store.complianceEvidence(scanID: scan, framework: "pci").isEmpty)
            }
        }

        @Test("LIKE wildcards in a framework id match only themselves", arguments: Backend.allCases)
        func wildcards(backend: Backend) async throws {
            try await withStore(backend) { store, _ in
                let scan = try await store.recordScan(
                    Fixture.scan(
                        "c1", minute: 0,
                        findings: [
                            Self.finding("b1", controls: ["cis_aws:1"]),
                            Self.finding("b2", controls: ["cisXaws:2"]),
                            Self.finding("b3", controls: ["100%:3"]),
                        ])
                ).scanID
                #expect(try await store.complianceEvidence(scanID: scan, framework: "cis_aws").map(\.controlID) == ["1"])
                #expect(try await store.complianceEvidence(scanID: scan, framework: "cis%").isEmpty)
                #expect(try await store.complianceEvidence(scanID: scan, framework: "100%").map(\.controlID) == ["3"])
            }
        }
    }
}
