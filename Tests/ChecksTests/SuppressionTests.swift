import Foundation
import Model
import Testing

@testable import Checks

@Suite struct Suppressions {
    let check = CheckDefinition(
        id: "BLW-AWS-S3-001", title: "t", severity: .high, provider: "aws", resourceTypes: ["aws_s3_bucket"],
        condition: .constant(false),
        references: CheckReferences(checkov: ["CKV_AWS_18"], avd: ["AVD-AWS-0086"], tfsec: ["aws-s3-block-public-acls"]))

    @Test func parsesAllStyles() {
        let block = """
            resource "aws_s3_bucket" "b" {
              # bulwark:skip=BLW-AWS-S3-001 logs bucket is public by design
              #checkov:skip=CKV_AWS_18:access logging not needed
              // trivy:ignore:AVD-AWS-0086
              #tfsec:ignore:aws-s3-block-public-acls:exp:2030-01-31 tfsec:ignore:aws-s3-enable-versioning
              bucket = "b" # trailing comments count too: #checkov:skip=CKV_AWS_21
            }
            """
        let found = InlineSuppressions.parse(blockSource: block)
        #expect(found.map(\.kind) == [.bulwark, .checkov, .trivy, .tfsec, .tfsec, .checkov])
        #expect(
            found.map(\.id) == [
                "BLW-AWS-S3-001", "CKV_AWS_18", "AVD-AWS-0086", "aws-s3-block-public-acls",
                "aws-s3-enable-versioning", "CKV_AWS_21",
            ])
        #expect(found[0].reason == "logs bucket is public by design")
        #expect(found[1].reason == "access logging not needed")
        #expect(found[3].expires == CalendarDate("2030-01-31"))
        #expect(found.prefix(4).allSatisfy { $0.applies(to: check) })
        #expect(!found[4].applies(to: check))
        #expect(!found[5].applies(to: check))
    }

    @Test func commentsAboveTheBlock() {
        let preceding = "resource \"x\" \"y\" {}\n\n#trivy:ignore:AVD-AWS-0086\n# tfsec:ignore:aws-s3-block-public-acls\n"
        let found = InlineSuppressions.parse(blockSource: "resource \"aws_s3_bucket\" \"b\" {\n}", precedingText: preceding)
        #expect(found.map(\.id) == ["AVD-AWS-0086", "aws-s3-block-public-acls"])
        let detached = InlineSuppressions.parse(blockSource: "resource {}", precedingText: "#trivy:ignore:AVD-AWS-0086\nlocals {}\n")
        #expect(detached.isEmpty)
    }

    @Test func parseFromFileRange() {
        let file =
            "provider \"aws\" {}\n#trivy:ignore:AVD-AWS-0086\nresource \"aws_s3_bucket\" \"b\" {\n  # bulwark:skip=BLW-AWS-S3-002\n}\n"
        let range = SourceRange(
            file: "main.tf", start: SourcePosition(line: 3, column: 1, byte: 0),
            end: SourcePosition(line: 5, column: 2, byte: 0))
        let found = InlineSuppressions.parse(fileContents: file, range: range)
        #expect(found.map(\.id) == ["AVD-AWS-0086", "BLW-AWS-S3-002"])
        #expect(found.map { $0.range?.start.line } == [2, 4])
        #expect(found.first?.range?.file == "main.tf")
    }

    @Test func engineSkipsWithReason() {
        let bucket = makeResource("aws_s3_bucket", "b")
        let other = makeResource("aws_s3_bucket", "c")
        let context = SuppressionContext(inline: ["aws_s3_bucket.b": [Suppression(kind: .checkov, id: "CKV_AWS_18", reason: "ok")]])
        let results = CheckEngine(checks: [check]).evaluate(graph: ResourceGraph([bucket, other]), suppressions: context)
        #expect(results[0].verdict == .skipped(reason: "checkov:skip=CKV_AWS_18: ok"))
        #expect(results[1].verdict == .failed)
    }

    @Test func configSkipsWithExpiry() {
        let yaml = """
            skips:
              - check: BLW-AWS-S3-001
                resource: "aws_s3_bucket.logs"
                reason: public website
                expires: 2026-12-31
              - check: CKV_AWS_18
                resource: "module.legacy.*"
                reason: legacy
                expires: 2020-01-01
              - check: BLW-AWS-S3-001
                reason: missing expiry is fine
                expires: 31/12/2026
            """
        let (skips, diagnostics) = SkipConfig.load(yaml: yaml, file: "bulwark-skips.yaml")
        #expect(skips.count == 2)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.range?.start.line == 12)
        #expect(diagnostics.first?.message.contains("YYYY-MM-DD") == true)

        let today = CalendarDate(year: 2026, month: 6, day: 1)!
        let context = SuppressionContext(skips: skips, today: today)
        #expect(context.diagnostics.count == 1)
        let warning = context.diagnostics[0]
        #expect(warning.severity == .warning)
        #expect(warning.code == .expiredSkip)
        #expect(warning.message.contains("expired on 2020-01-01"))
        #expect(warning.range?.file == "bulwark-skips.yaml")
        #expect(warning.range?.start.line == 6)

        var legacy = makeResource("aws_s3_bucket", "x")
        legacy.modulePath = ["module.legacy"]
        let logs = makeResource("aws_s3_bucket", "logs")
        let results = CheckEngine(checks: [check]).evaluate(graph: ResourceGraph([logs, legacy]), suppressions: context)
        guard case .skipped(let reason) = results[0].verdict else {
            Issue.record("logs bucket should be skipped")
            return
        }
        #expect(reason.contains("public website"))
        #expect(results[1].verdict == .failed)

        // After the expiry date the first skip no longer applies either.
        let later = SuppressionContext(skips: skips, today: CalendarDate(year: 2027, month: 1, day: 1)!)
        #expect(later.diagnostics.count == 2)
        #expect(CheckEngine(checks: [check]).evaluate(graph: ResourceGraph([logs]), suppressions: later)[0].verdict == .failed)
        #expect(SuppressionContext(skips: skips, today: CalendarDate(year: 2026, month: 12, day: 31)!).diagnostics.count == 1)
    }

    @Test func expiredInlineSuppressionWarns() {
        let s = Suppression(kind: .trivy, id: "AVD-AWS-0086", expires: CalendarDate("2024-01-01"))
        let context = SuppressionContext(inline: ["aws_s3_bucket.b": [s]], today: CalendarDate("2025-01-01")!)
        #expect(context.diagnostics.count == 1)
        #expect(context.diagnostics[0].message.contains("trivy:ignore:AVD-AWS-0086"))
        let results = CheckEngine(checks: [check]).evaluate(
            graph: ResourceGraph([makeResource("aws_s3_bucket", "b")]), suppressions: context)
        #expect(results[0].verdict == .failed)
    }

    @Test func globMatching() {
        #expect(ConfigSkip.glob("aws_s3_bucket.*", "aws_s3_bucket.logs"))
        #expect(ConfigSkip.glob("*logs*", "module.a.aws_s3_bucket.logs[0]"))
        #expect(!ConfigSkip.glob("aws_s3_bucket.log", "aws_s3_bucket.logs"))
    }
}

@Suite struct Baselines {
    let check = CheckDefinition(
        id: "BLW-AWS-S3-001", title: "t", severity: .high, provider: "aws",
        resourceTypes: ["aws_s3_bucket"], condition: .constant(false))

    @Test func fingerprintIsFNV1a() {
        // FNV-1a 64 of the empty string is the offset basis; of "a" the published test vector.
        #expect(Fingerprint(checkID: "", resource: "").hex.count == 16)
        #expect(Fingerprint(checkID: "a", resource: "b") == Fingerprint(checkID: "a", resource: "b"))
        #expect(Fingerprint(checkID: "a", resource: "b") != Fingerprint(checkID: "a|b", resource: ""))
        // "a|b" hashed as one string, since the fingerprint is defined on checkID + "|" + resource.
        #expect(Fingerprint(checkID: "a", resource: "b").hex == fnv("a|b"))
        #expect(fnv("a") == "af63dc4c8601ec8c")
    }

    func fnv(_ s: String) -> String {
        var h: UInt64 = 0xcbf29ce484222325
        for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    @Test func roundTripAndFilter() throws {
        let old = [makeResource("aws_s3_bucket", "a"), makeResource("aws_s3_bucket", "b")]
        let engine = CheckEngine(checks: [check])
        let baseline = FindingBaseline(results: engine.evaluate(graph: ResourceGraph(old)))
        #expect(baseline.findings.count == 2)
        let data = try baseline.encoded()
        let json = try #require(String(data: data, encoding: .utf8))
        #expect(json.contains("\"check_id\" : \"BLW-AWS-S3-001\""))
        #expect(json.contains("\"version\" : 1"))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("baseline-\(UUID().uuidString).json").path
        try baseline.write(file: file)
        let reread = try FindingBaseline.read(file: file)
        #expect(reread == baseline)
        let now = engine.evaluate(graph: ResourceGraph(old + [makeResource("aws_s3_bucket", "new")]))
        #expect(reread.filterNew(now).map(\.resourceAddress) == ["aws_s3_bucket.new"])
    }

    @Test func rejectsBadBaselines() {
        #expect(throws: DiagnosticsError.self) { try FindingBaseline.read(Data("{\"version\":2,\"findings\":[]}".utf8)) }
        #expect(throws: DiagnosticsError.self) { try FindingBaseline.read(Data("[]".utf8)) }
    }
}
