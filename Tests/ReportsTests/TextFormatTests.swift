import Foundation
import Testing

@testable import Reports

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Collects element names, attributes and text of a JUnit document.
final class XMLCollector: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String])] = []
    var text = ""

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        elements.append((elementName, attributes))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func count(_ name: String) -> Int { elements.filter { $0.name == name }.count }
}

@Suite struct JUnitReportTests {
    func parse() throws -> XMLCollector {
        let xml = JUnitReport.render(sampleReport())
        let parser = XMLParser(data: Data(xml.utf8))
        let collector = XMLCollector()
        parser.delegate = collector
        #expect(parser.parse(), "JUnit output is not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "")")
        return collector
    }

    @Test func wellFormedWithFailuresSkipsAndErrors() throws {
        let xml = try parse()
        let root = try #require(xml.elements.first)
        #expect(root.name == "testsuites")
        #expect(root.attributes["failures"] == "3")
        #expect(root.attributes["errors"] == "1")
        #expect(root.attributes["skipped"] == "2")
        #expect(xml.count("failure") == 3)
        #expect(xml.count("skipped") == 2)
        #expect(xml.count("error") == 1)
        // One suite per file, one for load errors, one per compliance framework.
        let suites = xml.elements.filter { $0.name == "testsuite" }.compactMap { $0.attributes["name"] }
        #expect(suites == ["app/main.tf", "app/modules/store/main.tf", "envs/prod data/main.tf", "bulwark.load", "compliance.cis-aws"])
    }

    @Test func textIsEscapedAndRoundTrips() throws {
        let raw = JUnitReport.render(sampleReport())
        #expect(raw.contains("Bucket &lt;policy&gt; &amp; &quot;ACL&quot;, &apos;quoted&apos; | piped"))
        let xml = try parse()
        let failure = try #require(xml.elements.first { $0.name == "failure" && $0.attributes["type"] == "critical" })
        #expect(failure.attributes["message"] == nastyTitle)
        let skipped = xml.elements.filter { $0.name == "skipped" }.compactMap { $0.attributes["message"] }
        #expect(skipped.contains("SKIPPED: bulwark:skip=BLW-AWS-S3-004: tags come from <CI>"))
        #expect(skipped.contains { $0.hasPrefix("UNKNOWN: ") })
        let error = try #require(xml.elements.first { $0.name == "error" })
        #expect(error.attributes["message"] == "Expected an expression, found \"=\" <here>")
        let score = xml.elements.first { $0.name == "property" && $0.attributes["name"] == "score" }
        #expect(score?.attributes["value"] == "50.0%")
    }
}

@Suite struct CSVReportTests {
    @Test func headerAndQuoting() throws {
        let text = CSVReport.render(sampleReport())
        #expect(
            text.hasPrefix(
                "record,check_id,checkov_ids,title,severity,resource,resource_type,file,line,verdict,reason,evidence,fingerprint\r\n"))
        let rows = parseCSV(text)
        #expect(rows.allSatisfy { $0.count == CSVReport.header.count })
        let results = rows.filter { $0.first == "result" }
        #expect(results.count == 6)
        let critical = try #require(results.first { $0[1] == "BLW-AWS-S3-001" })
        #expect(critical[3] == nastyTitle)
        #expect(critical[11] == "acl = \"public-read\",\nline two")
        #expect(critical[7] == "envs/prod data/main.tf")
        // The title has a comma and quotes, so it is quoted with doubled quotes.
        #expect(text.contains("\"Bucket <policy> & \"\"ACL\"\", 'quoted' | piped\""))
    }

    @Test func formulaInjectionIsDefused() throws {
        let rows = parseCSV(CSVReport.render(sampleReport()))
        #expect(rows.contains { $0[11] == "'=SUM(A1)" })
        #expect(TextEscaping.csv("-1") == "'-1")
        #expect(TextEscaping.csv("plain") == "plain")
        #expect(TextEscaping.csv("a\r\nb") == "\"a\r\nb\"")
    }

    @Test func loadErrorsAndComplianceRows() throws {
        let rows = parseCSV(CSVReport.render(sampleReport()))
        let error = try #require(rows.first { $0[0] == "load_error" })
        #expect(error[1] == "syntax" && error[7] == "legacy/broken.tf" && error[8] == "3")
        #expect(rows.contains { $0[0] == "warning" && $0[1] == "expired_skip" })
        let compliance = try #require(rows.first { $0[0] == "compliance" })
        #expect(compliance[1] == "cis-aws" && compliance[9] == "50.0%")
    }
}

@Suite struct MarkdownReportTests {
    @Test func pullRequestComment() {
        let md = MarkdownReport.render(sampleReport())
        #expect(md.hasPrefix("## Bulwark scan: 3 failed (1 critical, 1 high, 1 low), 1 load error\n"))
        #expect(md.contains("| Severity | Failed | Passed | Unknown | Skipped |"))
        #expect(md.contains("| **total** | **3** | **1** | **1** | **1** |"))
        #expect(md.contains("### Failed checks"))
        // Failed rows are ordered by severity, critical first; pipes and angle brackets are escaped.
        let critical = md.range(of: "BLW-AWS-S3-001")?.lowerBound
        let low = md.range(of: "| low | BLW-AWS-S3-004")?.lowerBound
        #expect(critical != nil && low != nil && critical! < low!)
        #expect(md.contains("Bucket &lt;policy&gt; &amp; \"ACL\", 'quoted' \\| piped"))
        #expect(md.contains("<details><summary>Passed checks (1)</summary>"))
        #expect(md.contains("### Compliance"))
        #expect(md.contains("| CIS AWS Foundations 3.0.0 | 50.0% | 1 | 1 | 0 | 1 | 0 |"))
        #expect(md.contains("### Load errors and warnings"))
        #expect(md.contains("`legacy/broken.tf:3:9`"))
        #expect(md.contains("2 known findings hidden by the baseline"))
    }

    @Test func cleanRun() {
        let md = MarkdownReport.render(ScanReport(findings: []))
        #expect(md.hasPrefix("## Bulwark scan: no failed checks\n"))
        #expect(!md.contains("### Failed checks"))
    }
}

@Suite struct HumanReportTests {
    @Test func groupedByFileWithSummary() {
        let text = HumanReport.render(sampleReport(), color: false)
        #expect(!text.contains("\u{1B}["))
        let app = text.range(of: "app/main.tf\n")?.lowerBound
        let prod = text.range(of: "envs/prod data/main.tf\n")?.lowerBound
        #expect(app != nil && prod != nil && app! < prod!)
        #expect(text.contains("FAILED  CRITICAL BLW-AWS-S3-001  \(nastyTitle)"))
        #expect(text.contains("aws_s3_bucket.public  envs/prod data/main.tf:12"))
        #expect(text.contains("logging.target_bucket is known only after apply"))
        // Passed results are counted, not listed.
        #expect(!text.contains("PASSED"))
        #expect(text.contains("legacy/broken.tf:3:9: error: Expected an expression"))
        let counts = ["3", "1", "1", "1"].map { String(repeating: " ", count: 8 - $0.count) + $0 }.joined()
        #expect(text.contains("  total     " + counts))
        #expect(text.contains("CIS AWS Foundations 3.0.0 (cis-aws): score 50.0%"))
    }

    @Test func colourOnlyWhenAsked() {
        let text = HumanReport.render(sampleReport(), color: true)
        #expect(text.contains("\u{1B}[31mFAILED \u{1B}[0m"))
        #expect(text.contains("\u{1B}[1;31mCRITICAL\u{1B}[0m"))
    }
}

@Suite struct AllFormatsTests {
    /// Every report format; the findings-only ones (OCSF, ASFF) are exchange formats without a report around the
    /// findings, tested in ExportFormatTests.
    @Test(arguments: ReportFormat.allCases.filter { !$0.isFindingsOnly })
    func loadErrorsAndComplianceInEveryFormat(_ format: ReportFormat) {
        let text = format.render(sampleReport(), scanRoot: "/work/repo")
        #expect(text.contains("legacy/broken.tf"), "\(format) lacks the load error's file")
        #expect(text.contains("Expected an expression"), "\(format) lacks the load error's message")
        #expect(text.contains("CIS AWS Foundations") || text.contains("cis-aws"), "\(format) lacks the compliance summary")
        #expect(text.contains("50.0%") || text.contains("\"score\": 0.5"), "\(format) lacks the compliance score")
    }

    @Test func outputTargets() {
        #expect(OutputTarget(argument: "json") == OutputTarget(format: .json))
        #expect(OutputTarget(argument: "SARIF:out/results.sarif") == OutputTarget(format: .sarif, file: "out/results.sarif"))
        #expect(OutputTarget(argument: "junit:C:/x.xml") == OutputTarget(format: .junit, file: "C:/x.xml"))
        #expect(OutputTarget(argument: "yaml") == nil)
        #expect(OutputTarget(argument: "json:") == nil)
    }

    @Test func escapingHelpers() {
        #expect(TextEscaping.xml("a\u{01}b<&>") == "a\u{FFFD}b&lt;&amp;&gt;")
        #expect(TextEscaping.uriPath("dir with space/ü.tf") == "dir%20with%20space/%C3%BC.tf")
        #expect(TextEscaping.markdownCell("a|b\nc") == "a\\|b c")
        #expect(TextEscaping.percent(nil) == "n/a")
        #expect(JSONOutput.format(0.25) == "0.25" && JSONOutput.format(2) == "2")
    }
}
