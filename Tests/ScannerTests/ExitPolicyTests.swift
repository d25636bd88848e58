import Checks
import Model
import Reports
import Testing

@testable import Scanner

@Suite struct ExitPolicyTests {
    func finding(_ severity: Severity, _ verdict: Verdict) -> Finding {
        let check = CheckDefinition(
            id: "BLW-AWS-S3-001", title: "t", severity: severity, provider: "aws",
            resourceTypes: ["aws_s3_bucket"], condition: .constant(true))
        let result = CheckResult(
            check: check, resourceAddress: "aws_s3_bucket.b", resourceType: "aws_s3_bucket",
            range: nil, verdict: verdict, evidence: "")
        return Finding(result: result, location: nil)
    }

    let loadError = ReportDiagnostic(code: "syntax", severity: .error, message: "bad", file: "main.tf", line: 1, column: 1)
    let warning = ReportDiagnostic(code: "expired_skip", severity: .warning, message: "expired")

    @Test func cleanRunExitsZero() {
        let report = ScanReport(findings: [finding(.high, .passed), finding(.low, .unknown(reason: "r"))], diagnostics: [warning])
        #expect(ExitPolicy().status(for: report) == .clean)
    }

    @Test func anyFailureFailsByDefault() {
        #expect(ExitPolicy().status(for: ScanReport(findings: [finding(.low, .failed)])) == .findings)
    }

    @Test func failOnThreshold() {
        let report = ScanReport(findings: [finding(.medium, .failed)])
        #expect(ExitPolicy(failOn: .high).status(for: report) == .clean)
        #expect(ExitPolicy(failOn: .medium).status(for: report) == .findings)
    }

    @Test func skippedFailuresDoNotCount() {
        #expect(ExitPolicy().status(for: ScanReport(findings: [finding(.critical, .skipped(reason: "x"))])) == .clean)
    }

    @Test func loadErrorGivesTwoUnlessFindingsReachTheThreshold() {
        #expect(ExitPolicy().status(for: ScanReport(findings: [], diagnostics: [loadError])) == .error)
        #expect(ExitPolicy().status(for: ScanReport(findings: [finding(.high, .failed)], diagnostics: [loadError])) == .findings)
        let belowThreshold = ScanReport(findings: [finding(.low, .failed)], diagnostics: [loadError])
        #expect(ExitPolicy(failOn: .high).status(for: belowThreshold) == .error)
    }

    @Test func softFailAlwaysZero() {
        let report = ScanReport(findings: [finding(.critical, .failed)], diagnostics: [loadError])
        #expect(ExitPolicy(softFail: true).status(for: report) == .clean)
        #expect(ExitPolicy.Status.findings.rawValue == 1 && ExitPolicy.Status.error.rawValue == 2)
    }
}
