import Model
import Reports
import Store

/// Compliance by framework on the target page: each framework's score at the latest scan, its control counts,
/// the score trend across recent scans (server-side SVG), and the controls that failed or are unknown.
struct ComplianceSection: Sendable {
    /// One framework at the latest scan.
    struct Framework: Sendable {
        var id: String
        var version: String
        var controls: [ControlResult]
        var history: [HistoryPoint]
    }

    /// Scans in each trend chart.
    static let trendScans = 30

    var target: String
    var frameworks: [Framework]

    /// The section's HTML.
    func render() -> String {
        let e = HTML.escape
        var out = "<section aria-labelledby=\"compliance\">\n<h2 id=\"compliance\">Compliance</h2>\n"
        guard !frameworks.isEmpty else { return out + "<p>The latest scan recorded no compliance.</p>\n</section>\n" }
        for framework in frameworks {
            let count = { (status: ControlStatus) in framework.controls.filter { $0.status == status }.count }
            let passed = count(.passed)
            let failed = count(.failed)
            let score = passed + failed > 0 ? Double(passed) / Double(passed + failed) : nil
            let title = framework.id + (framework.version.isEmpty ? "" : " " + framework.version)
            out += "<h3>\(e(title))</h3>\n<dl class=\"cards\">"
            for (label, value) in [
                ("Score", DisplayText.percent(score)), ("Passed", "\(passed)"), ("Failed", "\(failed)"),
                ("Unknown", "\(count(.unknown))"), ("Manual", "\(count(.notAutomated))"),
            ] {
                out += "<div><dt>\(label)</dt><dd>\(e(value))</dd></div>"
            }
            out += "</dl>\n"
            if framework.history.count > 1 {
                let rows = framework.history.map {
                    HistoryRow(
                        commit: $0.commit, date: $0.finishedAt, score: $0.score, passedControls: $0.passedControls,
                        failedControls: $0.failedControls, openFindings: $0.openFindings)
                }
                out += "<figure>" + ScoreTrendChart.svg(rows, label: "\(framework.id) score of \(target) per commit")
                out += "<figcaption class=\"muted\">Score of the last \(rows.count) scans, oldest first.</figcaption></figure>\n"
            }
            let attention = framework.controls.filter { $0.status == .failed || $0.status == .unknown }
            guard !attention.isEmpty else { continue }
            out += "<table>\n<caption>\(e(framework.id)) controls failed or unknown</caption>\n<thead><tr>"
            out += "<th scope=\"col\">Control</th><th scope=\"col\">Title</th><th scope=\"col\">Status</th>"
            out += "<th scope=\"col\" class=\"num\">Failed</th><th scope=\"col\" class=\"num\">Unknown</th></tr></thead>\n<tbody>\n"
            for result in attention {
                let failedStatus = result.status == .failed
                out += "<tr><th scope=\"row\"><code>\(e(result.control.id))</code></th><td>\(e(result.control.title))</td>"
                out += "<td>\(DisplayText.badge(failedStatus ? "FAILED" : "UNKNOWN", failedStatus ? "bad" : "unknown"))</td>"
                out += "<td class=\"num\">\(result.failed)</td><td class=\"num\">\(result.unknown)</td></tr>\n"
            }
            out += "</tbody>\n</table>\n"
        }
        return out + "</section>\n"
    }
}
