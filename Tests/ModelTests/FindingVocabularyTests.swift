import Foundation
import Model
import Testing

/// The shared vocabulary's raw strings are what reports print and the store keeps: they must never drift.
@Suite struct FindingVocabularyTests {
    @Test func storedStringsAreTheRawValues() {
        #expect(Severity.allCases.map(\.rawValue) == ["critical", "high", "medium", "low"])
        #expect(Verdict.Kind.allCases.map(\.rawValue) == ["passed", "failed", "unknown", "skipped"])
        #expect(ControlStatus.allCases.map(\.rawValue) == ["passed", "failed", "unknown", "manual", "not_applicable"])
        #expect(LifecycleState.allCases.map(\.rawValue) == ["new", "open", "resolved", "suppressed"])
        #expect(ScannedResource.Origin.allCases.map(\.rawValue) == ["iac", "live"])
    }

    @Test func verdictsDisplayUpperCaseAndKeepTheirReason() {
        let verdicts: [Verdict] = [.passed, .failed, .unknown(reason: "after apply"), .skipped(reason: "accepted")]
        #expect(verdicts.map(\.description) == ["PASSED", "FAILED", "UNKNOWN", "SKIPPED"])
        #expect(verdicts.map(\.kind) == [.passed, .failed, .unknown, .skipped])
        #expect(verdicts.map(\.reason) == [nil, nil, "after apply", "accepted"])
        #expect(Verdict.Kind.unknown.description == "UNKNOWN")
    }

    @Test func severitiesOrderByUrgency() {
        #expect(Severity.allCases.sorted() == [.low, .medium, .high, .critical])
        #expect(Severity.high >= .medium && !(Severity.low >= .medium))
        #expect(Severity.allCases.map(\.displayName) == ["CRITICAL", "HIGH", "MEDIUM", "LOW"])
    }

    @Test func fingerprintsAreFNV1aOfCheckAndResource() {
        let print = Fingerprint(checkID: "BLW-AWS-S3-001", resource: "aws_s3_bucket.logs")
        #expect(print == Fingerprint(hashing: "BLW-AWS-S3-001|aws_s3_bucket.logs"))
        #expect(print.hex.count == 16 && print.hex == print.hex.lowercased())
        #expect(Fingerprint(hex: print.hex.uppercased()) == print)
        #expect(Fingerprint(hashing: "").hex == "cbf29ce484222325")
    }

    @Test func aFindingRecordEncodesTheStoredStrings() throws {
        let record = FindingRecord(
            fingerprint: Fingerprint(hex: "00000000000000ab"), checkID: "BLW-AWS-S3-001", title: "t", severity: .critical,
            verdict: .skipped, resourceAddress: "aws_s3_bucket.a", resourceType: "aws_s3_bucket",
            suppression: FindingSuppression(reason: "accepted"))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let text = String(decoding: try encoder.encode(record), as: UTF8.self)
        #expect(text.contains(#""fingerprint":"00000000000000ab""#))
        #expect(text.contains(#""severity":"critical""#) && text.contains(#""verdict":"skipped""#))
        #expect(try JSONDecoder().decode(FindingRecord.self, from: Data(text.utf8)) == record)
        let control = ControlResult(
            control: ComplianceControl(id: "1.1", title: "t", automated: false),
            status: .notAutomated, passed: 0, failed: 0, unknown: 0)
        #expect(String(decoding: try encoder.encode(control), as: UTF8.self).contains(#""status":"manual""#))
    }
}
