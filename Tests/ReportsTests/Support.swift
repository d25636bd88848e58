import Checks
import Foundation
import Model
import Reports

/// The path of a fixture copied into the test bundle.
func fixturePath(_ relative: String) -> String {
    guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else { return relative }
    return url.appendingPathComponent(relative).path
}

/// A check built in code; the condition is irrelevant to formatting.
func makeCheck(
    _ id: String, _ severity: Severity, title: String, checkov: [String] = [],
    cis: [String: [String]] = [:]
) -> CheckDefinition {
    CheckDefinition(
        id: id, title: title, description: "Why \(title) matters.", severity: severity, provider: "aws",
        resourceTypes: ["aws_s3_bucket"], condition: .constant(true), remediation: "Fix it.",
        references: CheckReferences(checkov: checkov, avd: ["AVD-AWS-0001"], cis: cis))
}

/// A finding at `file:line`.
func makeFinding(
    _ check: CheckDefinition, _ address: String, _ verdict: Verdict, file: String, line: Int,
    evidence: String = "", input: String = "."
) -> Finding {
    let range = SourceRange(
        file: file, start: SourcePosition(line: line, column: 1, byte: 0),
        end: SourcePosition(line: line + 3, column: 2, byte: 0))
    let result = CheckResult(
        check: check, resourceAddress: address, resourceType: "aws_s3_bucket", range: range,
        verdict: verdict, evidence: evidence)
    return Finding(
        result: result, location: FindingLocation(file: file, startLine: line, startColumn: 1, endLine: line + 3),
        input: input)
}

/// A title with every character the text formats must escape.
let nastyTitle = "Bucket <policy> & \"ACL\", 'quoted' | piped"

/// A report with every verdict, awkward text, a path with a space, a load error, a warning and compliance.
func sampleReport() -> ScanReport {
    let critical = makeCheck("BLW-AWS-S3-001", .critical, title: nastyTitle, checkov: ["CKV_AWS_53"], cis: ["cis-aws": ["2.1.4"]])
    let high = makeCheck("BLW-AWS-S3-002", .high, title: "S3 bucket has versioning", cis: ["cis-aws": ["2.1.1"]])
    let medium = makeCheck("BLW-AWS-S3-003", .medium, title: "S3 bucket logs access")
    let low = makeCheck("BLW-AWS-S3-004", .low, title: "S3 bucket has tags")
    let unmapped = makeCheck("BLW-AWS-S3-005", .high, title: "S3 bucket is replicated")
    let findings = [
        makeFinding(
            critical, "aws_s3_bucket.public", .failed, file: "envs/prod data/main.tf", line: 12,
            evidence: "acl = \"public-read\",\nline two", input: "envs/prod data"),
        makeFinding(high, "aws_s3_bucket.public", .passed, file: "envs/prod data/main.tf", line: 12),
        makeFinding(
            medium, "aws_s3_bucket.logs", .unknown(reason: "logging.target_bucket is known only after apply"),
            file: "app/main.tf", line: 3),
        makeFinding(
            low, "aws_s3_bucket.logs", .skipped(reason: "bulwark:skip=BLW-AWS-S3-004: tags come from <CI>"),
            file: "app/main.tf", line: 3),
        makeFinding(
            unmapped, "module.store.aws_s3_bucket.this", .failed, file: "app/modules/store/main.tf", line: 5,
            evidence: "versioning.enabled is absent"),
        makeFinding(low, "aws_s3_bucket.tags", .failed, file: "app/main.tf", line: 9, evidence: "=SUM(A1)"),
    ]
    let framework = ComplianceFramework(
        id: "cis-aws", name: "CIS AWS Foundations", version: "3.0.0",
        controls: [
            .init(id: "2.1.1", title: "Versioning", automated: true), .init(id: "2.1.4", title: "Public access", automated: true),
            .init(id: "1.1", title: "Contacts", automated: false),
        ])
    let diagnostics = [
        ReportDiagnostic(
            code: "syntax", severity: .error, message: "Expected an expression, found \"=\" <here>",
            file: "legacy/broken.tf", line: 3, column: 9),
        ReportDiagnostic(
            code: "expired_skip", severity: .warning, message: "skip of BLW-AWS-S3-002 expired on 2020-06-30",
            file: "skips.yaml", line: 5, column: 5),
    ]
    return ScanReport(
        findings: findings, diagnostics: diagnostics,
        compliance: [ComplianceSummary.compute(framework: framework, results: findings.map(\.result))],
        checks: [critical, high, medium, low, unmapped], baselined: 2, resourceCount: 3, durationSeconds: 0.25)
}

/// Parses JSON text into Foundation objects.
func parseJSON(_ text: String) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
    guard let dict = object as? [String: Any] else { throw ParseFailure("top level is not an object") }
    return dict
}

/// A test-side parse failure.
struct ParseFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// RFC 4180 parser for checking CSV output: quoted fields, doubled quotes, CRLF records.
func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var inQuotes = false
    var chars = Array(text)
    var i = 0
    while i < chars.count {
        let c = chars[i]
        if inQuotes {
            if c == "\"" {
                if i + 1 < chars.count, chars[i + 1] == "\"" {
                    field.append("\"")
                    i += 1
                } else {
                    inQuotes = false
                }
            } else {
                field.append(c)
            }
        } else if c == "\"" {
            inQuotes = true
        } else if c == "," {
            row.append(field)
            field = ""
        } else if c == "\r\n" || c == "\n" {
            row.append(field)
            rows.append(row)
            row = []
            field = ""
        } else {
            field.append(c)
        }
        i += 1
    }
    if !field.isEmpty || !row.isEmpty {
        row.append(field)
        rows.append(row)
    }
    chars.removeAll()
    return rows
}
