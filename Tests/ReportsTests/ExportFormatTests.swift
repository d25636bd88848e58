import Checks
import Foundation
import Model
import Testing

@testable import Reports

/// Runs python3 with `arguments` on `text` written to a temporary file (appended as the last argument); a missing
/// python3 or module fails the test, never skips it.
func runPython(_ arguments: [String], on text: String) throws -> (status: Int32, output: String) {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let file = dir.appendingPathComponent("out.json")
    try text.write(to: file, atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + arguments + [file.path]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// The ASFF and OCSF formats, validated with the documented required fields and with py-ocsf-models.
@Suite struct ExportFormatTests {
    static let context = ExportContext(
        awsAccountID: "123456789012", awsRegion: "eu-west-1", time: Date(timeIntervalSince1970: 1_796_638_500.25))

    func validateASFF(_ text: String) throws -> (status: Int32, output: String) {
        try runPython(["-c", SARIFSchemaTests.validator, fixturePath("asff-required.schema.json")], on: text)
    }

    func parse(_ text: String) throws -> [[String: Any]] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    }

    @Test func asffHasEveryRequiredAttribute() throws {
        let text = ReportFormat.asff.render(sampleReport(), export: Self.context)
        let result = try validateASFF(text)
        #expect(result.status == 0, "ASFF validation failed:\n\(result.output)")
        #expect(try parse(text).count == sampleReport().findings.count)
    }

    @Test func theASFFSchemaRejectsAFindingWithoutAnAccount() throws {
        var finding = try #require(try parse(ReportFormat.asff.render(sampleReport(), export: Self.context)).first)
        finding.removeValue(forKey: "AwsAccountId")
        let text = String(decoding: try JSONSerialization.data(withJSONObject: [finding]), as: UTF8.self)
        let result = try validateASFF(text)
        #expect(result.status == 1, "expected a validation failure, got:\n\(result.output)")
        #expect(result.output.contains("AwsAccountId"))
    }

    @Test func asffMapsVerdictsToComplianceAndWorkflow() throws {
        let findings = try parse(ASFFReport.render(sampleReport(), context: Self.context))
        let byVerdict = Dictionary(
            findings.map { f -> (String, [String: Any]) in
                (((f["ProductFields"] as? [String: Any])?["bulwark/Verdict"] as? String) ?? "", f)
            }, uniquingKeysWith: { a, _ in a })
        func field(_ verdict: String, _ path: String...) -> String? {
            var node: Any? = byVerdict[verdict]
            for key in path { node = (node as? [String: Any])?[key] }
            return node as? String
        }
        #expect(field("FAILED", "Compliance", "Status") == "FAILED")
        #expect(field("FAILED", "Workflow", "Status") == "NEW")
        #expect(field("PASSED", "Compliance", "Status") == "PASSED")
        #expect(field("PASSED", "Severity", "Label") == "INFORMATIONAL")
        #expect(field("UNKNOWN", "Compliance", "Status") == "NOT_AVAILABLE")
        #expect(field("SKIPPED", "Compliance", "Status") == "NOT_AVAILABLE")
        #expect(field("SKIPPED", "Workflow", "Status") == "SUPPRESSED")
        #expect(field("FAILED", "ProductArn") == "arn:aws:securityhub:eu-west-1:123456789012:product/123456789012/default")
        #expect(field("FAILED", "CreatedAt") == "2026-12-07T10:15:00.250Z")
        let critical = try #require(findings.first { ($0["GeneratorId"] as? String) == "bulwark/BLW-AWS-S3-001" })
        #expect((critical["Severity"] as? [String: Any])?["Label"] as? String == "CRITICAL")
        let requirements = (critical["Compliance"] as? [String: Any])?["RelatedRequirements"] as? [String]
        #expect(requirements == ["CIS AWS Foundations 3.0.0/2.1.4"])
        #expect(Set(findings.compactMap { $0["RecordState"] as? String }) == ["ACTIVE"])
    }

    @Test func asffIDsAreStablePerCheckResourceAndAccount() throws {
        let later = ExportContext(awsAccountID: "123456789012", awsRegion: "us-east-1", time: Date())
        let other = ExportContext(awsAccountID: "210987654321", awsRegion: "eu-west-1", time: Self.context.time)
        let ids = ASFFReport.findings(sampleReport(), context: Self.context).map(\.id)
        #expect(ASFFReport.findings(sampleReport(), context: later).map(\.id) == ids)
        #expect(Set(ids).count == ids.count)
        #expect(Set(ASFFReport.findings(sampleReport(), context: other).map(\.id)).isDisjoint(with: ids))
        #expect(ids.allSatisfy { $0.hasPrefix("bulwark/123456789012/") })
    }

    @Test func asffClipsLongTextToTheDocumentedLimits() throws {
        let long = String(repeating: "é", count: 2000)
        let check = makeCheck("BLW-AWS-S3-009", .low, title: long)
        let report = ScanReport(findings: [makeFinding(check, "aws_s3_bucket.x", .failed, file: "main.tf", line: 1)])
        let result = try validateASFF(ASFFReport.render(report, context: Self.context))
        #expect(result.status == 0, "ASFF validation failed:\n\(result.output)")
    }

    @Test func ocsfLoadsWithTheDetectionFindingModel() throws {
        let text = ReportFormat.ocsf.render(sampleReport(), export: Self.context)
        let result = try runPython([fixturePath("ocsf-validate.py")], on: text)
        #expect(result.status == 0, "py-ocsf-models validation failed:\n\(result.output)")
        #expect(result.output.contains("6 objects, 0 problems"))
        let events = try parse(text)
        #expect(events.compactMap { $0["status_code"] as? String } == ["UNKNOWN", "SKIPPED", "FAILED", "FAILED", "FAILED", "PASSED"])
        #expect(events.compactMap { $0["class_uid"] as? Int } == Array(repeating: 2004, count: 6))
    }

    @Test func ocsfWithoutAnAccountStillValidates() throws {
        let result = try runPython([fixturePath("ocsf-validate.py")], on: OCSFReport.render(sampleReport(), context: ExportContext()))
        #expect(result.status == 0, "py-ocsf-models validation failed:\n\(result.output)")
    }

    @Test func theOCSFValidatorRejectsUnknownKeysAndWrongClasses() throws {
        var event = try #require(try parse(OCSFReport.render(sampleReport(), context: Self.context)).first)
        event["not_in_ocsf"] = "x"
        var wrongClass = event
        wrongClass.removeValue(forKey: "not_in_ocsf")
        wrongClass["type_uid"] = 200402
        let text = String(decoding: try JSONSerialization.data(withJSONObject: [event, wrongClass]), as: UTF8.self)
        let result = try runPython([fixturePath("ocsf-validate.py")], on: text)
        #expect(result.status == 1)
        #expect(result.output.contains("not_in_ocsf") && result.output.contains("not a Detection Finding"))
    }

    @Test func accountAndRegionShapes() {
        #expect(ExportContext.isAccountID("123456789012"))
        #expect(!ExportContext.isAccountID("12345678901") && !ExportContext.isAccountID("12345678901a"))
        #expect(ExportContext.isRegion("eu-west-1") && ExportContext.isRegion("us-gov-west-1"))
        #expect(!ExportContext.isRegion("eu-west") && !ExportContext.isRegion("EU-WEST-1") && !ExportContext.isRegion("a:b-1"))
        #expect(ExportContext(awsRegion: "cn-north-1").awsPartition == "aws-cn")
    }
}
