import Foundation
import Model
import Reports
import Testing

/// Stored-report inputs built in code: awkward text everywhere, a nil score, a commit of every kind.
enum StoredSample {
    static let framework = FrameworkInfo(id: "cis-aws", name: "CIS AWS <Foundations> & \"Co\"", version: "5.0.0")
    static let start = Date(timeIntervalSince1970: 1_735_689_600)  // 2025-01-01T00:00:00Z

    static func sha(_ i: Int) -> String { String(format: "%02d", i) + String(repeating: "abcdef0123", count: 4).prefix(38) }

    static func history(_ count: Int, nilAt: Set<Int> = []) -> [HistoryRow] {
        (0..<count).map { i in
            HistoryRow(
                commit: sha(i), date: start.addingTimeInterval(Double(i) * 86_400),
                score: nilAt.contains(i) ? nil : Double(i % 5) / 4, passedControls: i % 5, failedControls: 4 - i % 5,
                openFindings: 10 - i % 7)
        }
    }

    /// A failed result as the store reads it back.
    static func row(
        _ checkID: String, title: String, severity: Severity, resource: String, file: String? = nil,
        line: Int? = nil, controls: [String], firstSeenCommit: String? = nil,
        state: LifecycleState
    ) -> StoredFinding {
        StoredFinding(
            finding: FindingRecord(
                fingerprint: Fingerprint(checkID: checkID, resource: resource), checkID: checkID,
                title: title, severity: severity, verdict: .failed, resourceAddress: resource,
                resourceType: String(resource.prefix { $0 != "." }), file: file,
                line: line, controls: controls),
            lifecycle: state, firstSeenCommit: firstSeenCommit)
    }

    static let findings = [
        row(
            "BLW-AWS-S3-001", title: nastyTitle, severity: .critical, resource: "aws_s3_bucket.a|b",
            file: "envs/prod data/main.tf", line: 12, controls: ["cis-aws:2.1.4"], firstSeenCommit: sha(1), state: .open),
        row(
            "BLW-AWS-VPC-001", title: "SG allows SSH", severity: .low, resource: "aws_security_group.ssh",
            controls: ["cis-aws:5.3", "cis-aws:5.4"], state: .new),
        row(
            "BLW-AWS-IAM-008", title: "Admin policy", severity: .high, resource: "aws_iam_policy.admin",
            file: "iam.tf", controls: ["cis-aws:1.15"], firstSeenCommit: nil, state: .open),
    ]

    static func compliance(history: [HistoryRow] = history(4), controls: [ControlResult]? = nil) -> ComplianceReportData {
        ComplianceReportData(
            target: "payments <prod>", repo: "git@example.org:team/infra.git", branch: "main", commit: sha(3),
            scannedAt: start.addingTimeInterval(3 * 86_400), generatedAt: start.addingTimeInterval(4 * 86_400),
            framework: framework,
            controls: controls ?? [
                ControlResult(
                    control: ComplianceControl(id: "1.1", title: "Maintain current contact details", automated: false),
                    status: .notAutomated, passed: 0, failed: 0, unknown: 0),
                ControlResult(
                    control: ComplianceControl(id: "2.1.1", title: "Deny <HTTP> & \"plain\" requests", automated: true), status: .passed,
                    passed: 3, failed: 0, unknown: 0),
                ControlResult(
                    control: ComplianceControl(id: "2.1.4", title: "=Block public access, please", automated: true), status: .failed,
                    passed: 1, failed: 2, unknown: 0),
                ControlResult(
                    control: ComplianceControl(id: "3.1", title: "CloudTrail", automated: true), status: .unknown, passed: 0, failed: 0,
                    unknown: 1),
                ControlResult(
                    control: ComplianceControl(id: "4.16", title: "Security Hub", automated: true), status: .notApplicable, passed: 0,
                    failed: 0, unknown: 0),
                ControlResult(
                    control: ComplianceControl(id: "5.3", title: "SSH | RDP", automated: true), status: .passed, passed: 2, failed: 0,
                    unknown: 0),
            ],
            failingFindings: findings, history: history)
    }

    static func historyReport(points: [HistoryRow] = history(5, nilAt: [2]), diff: Bool = true) -> HistoryReportData {
        HistoryReportData(
            target: "payments <prod>", framework: framework, points: points,
            diff: diff
                ? FindingsDiffData(
                    fromCommit: sha(3), toCommit: sha(4), new: [findings[1]], resolved: [findings[0]],
                    unchangedCount: 7) : nil)
    }
}

@Suite struct StoredReportTests {
    @Test(arguments: StoredReportFormat.allCases)
    func everyFormatRendersBothReports(_ format: StoredReportFormat) {
        let compliance = ComplianceReportRenderer.render(StoredSample.compliance(), as: format)
        let history = HistoryReportRenderer.render(StoredSample.historyReport(), as: format)
        #expect(compliance.contains("2.1.4") && compliance.contains("5.0.0"))
        #expect(history.contains("5.0.0") && history.contains(format == .csv || format == .json ? StoredSample.sha(4) : "04abcde"))
        // Every format ends its last line (CSV with CRLF, the rest with LF).
        let end = format == .csv ? "\r\n" : "\n"
        #expect(compliance.hasSuffix(end) && history.hasSuffix(end))
    }

    @Test func scoreCountsOnlyDecidedControls() {
        let d = StoredSample.compliance()
        #expect(d.score == 2.0 / 3.0)
        #expect(d.count(.notAutomated) == 1 && d.count(.notApplicable) == 1)
        let undecided = StoredSample.compliance(controls: [
            ControlResult(
                control: ComplianceControl(id: "1.1", title: "t", automated: false), status: .notAutomated, passed: 0, failed: 0, unknown: 0
            )
        ])
        #expect(undecided.score == nil)
        #expect(ComplianceReportRenderer.render(undecided, as: .markdown).contains("**Score: n/a**"))
        #expect(ComplianceReportRenderer.render(undecided, as: .html).contains(">n/a<"))
    }

    @Test func complianceJSONHasTheDocumentedShape() throws {
        let json = try parseJSON(ComplianceReportRenderer.render(StoredSample.compliance(), as: .json))
        #expect(json["report"] as? String == "compliance")
        #expect(json["schema_version"] as? Int == 1)
        #expect(json["scanned_at"] as? String == "2025-01-04T00:00:00Z")
        #expect(json["score"] as? Double == 0.667)
        let summary = try #require(json["summary"] as? [String: Int])
        #expect(summary == ["passed": 2, "failed": 1, "unknown": 1, "not_applicable": 1, "manual": 1])
        let framework = try #require(json["framework"] as? [String: String])
        #expect(framework["name"] == StoredSample.framework.name)
        let controls = try #require(json["controls"] as? [[String: Any]])
        #expect(controls.map { $0["id"] as? String } == ["1.1", "2.1.1", "2.1.4", "3.1", "4.16", "5.3"])
        #expect(controls[0]["automated"] as? Bool == false && controls[2]["failed"] as? Int == 2)
        let findings = try #require(json["failing_findings"] as? [[String: Any]])
        // Critical first, then high, then low.
        #expect(findings.map { $0["severity"] as? String } == ["critical", "high", "low"])
        #expect(findings[1]["line"] is NSNull && findings[1]["first_seen_commit"] is NSNull)
        #expect(findings[0]["controls"] as? [String] == ["2.1.4"])
        let history = try #require(json["history"] as? [[String: Any]])
        #expect(history.count == 4 && history[0]["score"] as? Double == 0)
    }

    @Test func historyJSONKeepsNilScoresAndTheDiff() throws {
        let json = try parseJSON(HistoryReportRenderer.render(StoredSample.historyReport(), as: .json))
        let points = try #require(json["points"] as? [[String: Any]])
        #expect(points.count == 5)
        #expect(points[2]["score"] is NSNull)
        let diff = try #require(json["diff"] as? [String: Any])
        #expect(diff["unchanged_count"] as? Int == 7)
        #expect((diff["new"] as? [[String: Any]])?.first?["check_id"] as? String == "BLW-AWS-VPC-001")
        let noDiff = try parseJSON(HistoryReportRenderer.render(StoredSample.historyReport(diff: false), as: .json))
        #expect(noDiff["diff"] is NSNull)
    }

    @Test func historyIsRenderedOldestFirstWhateverTheInputOrder() throws {
        let shuffled = Array(StoredSample.history(5).reversed())
        let csv = parseCSV(HistoryReportRenderer.render(StoredSample.historyReport(points: shuffled), as: .csv))
        #expect(csv.dropFirst().map { $0[3] } == (0..<5).map(StoredSample.sha))
    }

    @Test func complianceCSVParsesBackOneRowPerControl() {
        let d = StoredSample.compliance()
        let rows = parseCSV(ComplianceReportRenderer.render(d, as: .csv))
        #expect(rows.first == ComplianceReportRenderer.csvHeader)
        #expect(rows.count == d.controls.count + 1)
        #expect(rows.dropFirst().allSatisfy { $0.count == ComplianceReportRenderer.csvHeader.count })
        #expect(rows[2][5] == "Deny <HTTP> & \"plain\" requests")
        // A leading '=' is neutralised so spreadsheets do not evaluate it.
        #expect(rows[3][5] == "'=Block public access, please")
        #expect(rows[3][7] == "failed" && rows[3][9] == "2")
        #expect(rows[1][0] == "payments <prod>" && rows[1][6] == "false")
    }

    @Test func historyCSVParsesBackOneRowPerCommit() {
        let rows = parseCSV(HistoryReportRenderer.render(StoredSample.historyReport(), as: .csv))
        #expect(rows.first == HistoryReportRenderer.csvHeader)
        #expect(rows.count == 6)
        #expect(rows[3][5] == "n/a")
        #expect(rows[2][5] == "25.0%" && rows[2][4] == "2025-01-02T00:00:00Z")
    }

    @Test func markdownEscapesTableCells() {
        let md = ComplianceReportRenderer.render(StoredSample.compliance(), as: .markdown)
        #expect(md.contains("| 5.3 | SSH \\| RDP | passed |"))
        #expect(md.contains("Deny &lt;HTTP&gt; &amp; \"plain\" requests"))
        #expect(md.contains("`aws_s3_bucket.a\\|b`"))
        #expect(!md.contains("<HTTP>") && !md.contains("<prod>"))
        let lines = md.split(separator: "\n").filter { $0.hasPrefix("| 2.1.4") }
        #expect(lines.count == 1 && lines[0].filter { $0 == "|" }.count == 7)
    }

    @Test func htmlEscapesEveryInputString() {
        var d = StoredSample.compliance()
        d.target = "<script>alert('t')</script>"
        d.branch = "feature/\"quoted\" & <b>"
        d.failingFindings[0].title = "</td><script>x()</script>"
        for html in [
            ComplianceReportRenderer.render(d, as: .html),
            HistoryReportRenderer.render(StoredSample.historyReport(), as: .html),
        ] {
            #expect(!html.lowercased().contains("<script"))
            #expect(!html.contains("<b>") && !html.contains("<prod>") && !html.contains("<Foundations>"))
        }
        let html = ComplianceReportRenderer.render(d, as: .html)
        #expect(html.contains("&lt;script&gt;alert(&apos;t&apos;)&lt;/script&gt;"))
        #expect(html.contains("feature/&quot;quoted&quot; &amp; &lt;b&gt;"))
        #expect(html.contains("&lt;/td&gt;&lt;script&gt;x()&lt;/script&gt;"))
    }

    @Test func htmlIsSelfContained() {
        var d = StoredSample.compliance()
        for html in [ComplianceReportRenderer.render(d, as: .html), HistoryReportRenderer.render(StoredSample.historyReport(), as: .html)] {
            let lower = html.lowercased()
            #expect(!lower.contains("<script"))
            #expect(!lower.contains("http://") && !lower.contains("https://"))
            for fetch in ["src=", "href=", "url(", "@import", "<link", "<img", "<iframe", "<object"] {
                #expect(!lower.contains(fetch), "the report references an external resource through \(fetch)")
            }
            #expect(lower.contains("<style>") && lower.contains("@media print"))
        }
        // A repository URL in the data is shown as text, never turned into a link or a resource.
        d.repo = "https://github.com/example/infra"
        let html = ComplianceReportRenderer.render(d, as: .html).lowercased()
        #expect(html.contains("<dd>https://github.com/example/infra</dd>"))
        #expect(!html.contains("href=") && !html.contains("src="))
    }

    @Test func htmlChartHasOnePointPerCommit() throws {
        let history = StoredSample.history(6, nilAt: [1])
        let html = ComplianceReportRenderer.render(StoredSample.compliance(history: history), as: .html)
        let svg = try #require(
            html.range(of: "<svg").flatMap { start in html.range(of: "</svg>").map { html[start.lowerBound..<$0.upperBound] } })
        #expect(svg.components(separatedBy: "<circle class=\"point").count - 1 == 6)
        #expect(svg.components(separatedBy: "<circle class=\"point none\"").count - 1 == 1)
        for i in 0..<6 { #expect(svg.contains(">\(StoredSample.sha(i).prefix(7))</text>")) }
        #expect(svg.contains(">0%</text>") && svg.contains(">100%</text>"))
        // The line breaks at the commit without a score: two segments, 0 and 2…5.
        #expect(svg.components(separatedBy: "<polyline").count - 1 == 1)
        let history2 = StoredSample.historyReport(points: StoredSample.history(5, nilAt: [2]))
        let svg2 = HistoryReportRenderer.render(history2, as: .html)
        #expect(svg2.components(separatedBy: "<polyline").count - 1 == 2)
        #expect(svg2.components(separatedBy: "<circle class=\"point").count - 1 == 5)
    }

    @Test func manyCommitsKeepEveryPointButThinTheLabels() {
        let html = HistoryReportRenderer.render(StoredSample.historyReport(points: StoredSample.history(90), diff: false), as: .html)
        #expect(html.components(separatedBy: "<circle class=\"point").count - 1 == 90)
        let labels = html.components(separatedBy: "class=\"xlabel\"").count - 1
        #expect(labels >= 20 && labels <= 25, "\(labels) labels")
        // The newest commit is always labelled.
        #expect(html.contains(">\(StoredSample.sha(89).prefix(7))</text>"))
    }

    @Test func emptyHistorySaysSoInEveryFormat() throws {
        let d = StoredSample.compliance(history: [])
        let html = ComplianceReportRenderer.render(d, as: .html)
        #expect(!html.contains("<svg") && html.contains("No scans recorded yet."))
        #expect(ComplianceReportRenderer.render(d, as: .markdown).contains("_No scans recorded yet._"))
        #expect(try parseJSON(ComplianceReportRenderer.render(d, as: .json))["history"] as? [Any] != nil)
        let empty = HistoryReportData(target: "t", framework: StoredSample.framework, points: [])
        #expect(parseCSV(HistoryReportRenderer.render(empty, as: .csv)) == [HistoryReportRenderer.csvHeader])
        #expect(!HistoryReportRenderer.render(empty, as: .html).contains("<svg"))
        #expect(HistoryReportRenderer.render(empty, as: .markdown).contains("_No scans recorded yet._"))
    }

    @Test func singleCommitChartCentresItsPoint() {
        let html = ComplianceReportRenderer.render(StoredSample.compliance(history: StoredSample.history(1)), as: .html)
        #expect(html.components(separatedBy: "<circle class=\"point").count - 1 == 1)
        #expect(!html.contains("<polyline"))
        #expect(html.contains("cx=\"396.0\""))
    }

    @Test func noFindingsAndNoDiffRenderPlaceholders() {
        var d = StoredSample.compliance()
        d.failingFindings = []
        #expect(ComplianceReportRenderer.render(d, as: .html).contains("No failing findings."))
        #expect(ComplianceReportRenderer.render(d, as: .markdown).contains("_No failing findings._"))
        let md = HistoryReportRenderer.render(StoredSample.historyReport(diff: false), as: .markdown)
        #expect(!md.contains("Changes from"))
        let withDiff = HistoryReportRenderer.render(StoredSample.historyReport(), as: .markdown)
        #expect(withDiff.contains("## Changes from 03abcde to 04abcde") && withDiff.contains("1 new, 1 resolved, 7 unchanged."))
    }
}
