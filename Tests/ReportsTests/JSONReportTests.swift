import Checks
import Foundation
import Model
import Testing

@testable import Reports

@Suite struct JSONReportTests {
    @Test func topLevelSchema() throws {
        let json = try parseJSON(JSONReport.render(sampleReport()))
        #expect(Set(json.keys) == ["schema_version", "tool", "results", "summary", "compliance", "load_errors", "warnings"])
        #expect(json["schema_version"] as? String == "1.0")
        let tool = try #require(json["tool"] as? [String: Any])
        #expect(tool["name"] as? String == "bulwark")
        #expect(tool["version"] as? String == BulwarkVersion.current)
    }

    @Test func resultFields() throws {
        let json = try parseJSON(JSONReport.render(sampleReport()))
        let results = try #require(json["results"] as? [[String: Any]])
        #expect(results.count == 6)
        let required: Set<String> = [
            "check_id", "checkov_ids", "title", "severity", "resource", "resource_type", "file",
            "line", "verdict", "reason", "evidence", "fingerprint",
        ]
        for r in results { #expect(required.isSubset(of: Set(r.keys))) }
        let failed = try #require(results.first { $0["check_id"] as? String == "BLW-AWS-S3-001" })
        #expect(failed["title"] as? String == nastyTitle)
        #expect(failed["checkov_ids"] as? [String] == ["CKV_AWS_53"])
        #expect(failed["severity"] as? String == "critical")
        #expect(failed["resource"] as? String == "aws_s3_bucket.public")
        #expect(failed["file"] as? String == "envs/prod data/main.tf")
        #expect(failed["line"] as? Int == 12)
        #expect(failed["verdict"] as? String == "FAILED")
        #expect(failed["reason"] is NSNull)
        #expect(failed["evidence"] as? String == "acl = \"public-read\",\nline two")
        #expect((failed["fingerprint"] as? String)?.count == 16)
        let unknown = try #require(results.first { $0["verdict"] as? String == "UNKNOWN" })
        #expect(unknown["reason"] as? String == "logging.target_bucket is known only after apply")
        #expect(results.contains { $0["verdict"] as? String == "SKIPPED" && ($0["reason"] as? String)?.contains("<CI>") == true })
    }

    @Test func summaryCountsAndLoadErrors() throws {
        let json = try parseJSON(JSONReport.render(sampleReport()))
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(summary["failed"] as? Int == 3)
        #expect(summary["passed"] as? Int == 1)
        #expect(summary["unknown"] as? Int == 1)
        #expect(summary["skipped"] as? Int == 1)
        #expect(summary["baselined"] as? Int == 2)
        let bySeverity = try #require(summary["by_severity"] as? [String: [String: Int]])
        #expect(bySeverity["critical"]?["failed"] == 1)
        #expect(bySeverity["low"]?["failed"] == 1 && bySeverity["low"]?["skipped"] == 1)
        let errors = try #require(json["load_errors"] as? [[String: Any]])
        #expect(errors.count == 1)
        #expect(errors.first?["file"] as? String == "legacy/broken.tf")
        #expect(errors.first?["line"] as? Int == 3)
        #expect(errors.first?["column"] as? Int == 9)
        #expect(errors.first?["code"] as? String == "syntax")
        #expect((errors.first?["message"] as? String)?.contains("<here>") == true)
        #expect((json["warnings"] as? [[String: Any]])?.first?["code"] as? String == "expired_skip")
    }

    @Test func complianceSection() throws {
        let json = try parseJSON(JSONReport.render(sampleReport()))
        let compliance = try #require(json["compliance"] as? [[String: Any]])
        let aws = try #require(compliance.first)
        #expect(aws["framework"] as? String == "cis-aws")
        #expect(aws["controls_passed"] as? Int == 1)
        #expect(aws["controls_failed"] as? Int == 1)
        #expect(aws["controls_manual"] as? Int == 1)
        #expect(aws["score"] as? Double == 0.5)
        #expect((aws["controls"] as? [[String: Any]])?.count == 3)
    }

    @Test func deterministicRegardlessOfInputOrder() {
        let report = sampleReport()
        let shuffled = ScanReport(
            findings: report.findings.reversed(), diagnostics: report.diagnostics.reversed(),
            compliance: report.compliance, checks: report.checks.reversed(), baselined: 2,
            resourceCount: 3, durationSeconds: 0.25)
        #expect(JSONReport.render(report) == JSONReport.render(shuffled))
    }
}

@Suite struct JSONStreamingTests {
    @Test func streamedTextIsTheTreeRenderedWhole() {
        let report = sampleReport()
        #expect(!report.findings.isEmpty)
        var pieces: [String] = []
        JSONReport.write(report) { pieces.append($0) }
        #expect(pieces.joined() == JSONReport.document(report).rendered())
    }

    /// The streamed results are written without the tree: every shape of a result must come out as the tree's bytes.
    @Test func streamedResultsOfEveryShapeAreTheTreesBytes() {
        var bare = makeCheck("BLW-AWS-S3-009", .low, title: "tab\there", checkov: ["CKV_AWS_1", "CKV_AWS_2"])
        bare.references = CheckReferences(cis: ["cis-azure": ["1.1", "1.2"], "cis-aws": ["3.\"4\""], "empty": []])
        let plain = makeCheck("BLW-AWS-S3-010", .high, title: "plain")
        let stateResult = CheckResult(
            check: CheckDefinition(
                id: "BLW-AWS-S3-011", title: "no references", severity: .medium, provider: "aws", resourceTypes: ["*"],
                condition: .constant(true)),
            resourceAddress: "aws_s3_bucket.state", resourceType: "aws_s3_bucket", range: nil, verdict: .passed,
            evidence: "")
        let report = ScanReport(findings: [
            makeFinding(bare, "aws_s3_bucket.a", .skipped(reason: "line\nbreak \u{1}"), file: "a.tf", line: 1),
            makeFinding(plain, "aws_s3_bucket.b", .unknown(reason: "after apply"), file: "dir/b.tf", line: 2, input: "dir"),
            Finding(result: stateResult, location: nil, input: "state.json"),
            Finding(result: stateResult, location: FindingLocation(file: "terraform.tfstate"), input: "."),
        ])
        var pieces: [String] = []
        JSONReport.write(report) { pieces.append($0) }
        #expect(pieces.joined() == JSONReport.document(report).rendered())
    }

    @Test func anEmptyReportStreamsAsOnePiece() {
        let report = ScanReport(findings: [])
        var pieces: [String] = []
        JSONReport.write(report) { pieces.append($0) }
        #expect(pieces.count == 1)
        #expect(pieces.joined() == JSONReport.document(report).rendered())
    }
}
