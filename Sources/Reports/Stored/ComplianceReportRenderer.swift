import Model

/// Renders a stored compliance report (`bulwark report --commit SHA|--latest --framework ID`): one framework at
/// one commit, its controls, the failing findings behind them and the score history.
public enum ComplianceReportRenderer {
    /// The report in `format`; never fails (every input string is escaped for the format).
    public static func render(_ d: ComplianceReportData, as format: StoredReportFormat) -> String {
        switch format {
        case .json: StoredReportJSON.compliance(d).rendered()
        case .markdown: markdown(d)
        case .html: html(d)
        case .csv: csv(d)
        }
    }

    /// Column names of the CSV form, one row per control.
    public static let csvHeader = [
        "target", "framework", "framework_version", "commit", "control_id", "title", "automated", "status",
        "passed", "failed", "unknown",
    ]

    private static func csv(_ d: ComplianceReportData) -> String {
        var rows = [csvHeader]
        for c in d.controls {
            rows.append([
                d.target, d.framework.id, d.framework.version, d.commit, c.control.id, c.control.title,
                c.control.automated ? "true" : "false", c.status.rawValue, String(c.passed), String(c.failed), String(c.unknown),
            ])
        }
        return TextEscaping.csvTable(rows)
    }

    private static func heading(_ d: ComplianceReportData) -> String {
        "\(d.framework.name) \(d.framework.version): \(d.target)"
    }

    private static func summaryLine(_ d: ComplianceReportData) -> String {
        StoredReportText.statuses.map { "\(d.count($0)) \(StoredReportText.label($0))" }.joined(separator: ", ")
    }

    private static func markdown(_ d: ComplianceReportData) -> String {
        let cell = TextEscaping.markdownCell
        let code = TextEscaping.markdownCode
        var out = "# \(cell(heading(d)))\n\n"
        out += "**Score: \(TextEscaping.percent(d.score))** (controls passed / (passed + failed)) · \(summaryLine(d))\n\n"
        out += "| Target | Repository | Branch | Commit | Scanned | Generated |\n|---|---|---|---|---|---|\n"
        out += "| \(cell(d.target)) | \(cell(d.repo)) | \(cell(d.branch)) | \(code(d.commit)) | "
        out += "\(StoredReportText.date(d.scannedAt)) | \(StoredReportText.date(d.generatedAt)) |\n\n"
        out += "## Controls\n\n"
        if d.controls.isEmpty {
            out += "_No controls._\n\n"
        } else {
            out += "| Control | Title | Status | Passed | Failed | Unknown |\n|---|---|---|---:|---:|---:|\n"
            for c in d.controls {
                out += "| \(cell(c.control.id)) | \(cell(c.control.title)) | \(cell(StoredReportText.label(c.status))) | "
                out += "\(c.passed) | \(c.failed) | \(c.unknown) |\n"
            }
            out += "\n"
        }
        out +=
            "## Failing findings\n\n"
            + StoredReportMarkdown.findings(
                d.failingFindings, framework: d.framework.id,
                empty: "No failing findings.")
        out += "## Score per commit\n\n" + StoredReportMarkdown.history(d.history)
        return out
    }

    private static func html(_ d: ComplianceReportData) -> String {
        let e = StoredReportHTML.e
        var body = "<header>\n<h1>\(e(d.framework.name)) \(e(d.framework.version))</h1>\n"
        body += "<p class=\"subtitle\">Compliance report for <strong>\(e(d.target))</strong> at commit "
        body += "<code>\(e(StoredReportText.shortSHA(d.commit)))</code></p>\n"
        body += StoredReportHTML.facts([
            ("Target", d.target), ("Repository", d.repo), ("Branch", d.branch), ("Commit", d.commit),
            ("Scanned", StoredReportText.date(d.scannedAt)), ("Framework", "\(d.framework.id) \(d.framework.version)"),
        ])
        body += "</header>\n<section class=\"summary\">\n"
        body +=
            "<div class=\"tile score\"><span class=\"n\">\(e(TextEscaping.percent(d.score)))</span><span class=\"k\">score</span></div>\n"
        for status in StoredReportText.statuses {
            body += "<div class=\"tile\"><span class=\"n\">\(d.count(status))</span>\(StoredReportHTML.badge(status.rawValue))</div>\n"
        }
        body += "</section>\n"
        body += StoredReportHTML.trend(
            StoredReportText.chronological(d.history),
            label: "Compliance score per commit for \(d.target), \(d.framework.name) \(d.framework.version)")
        body += "<section>\n<h2>Controls</h2>\n"
        body += StoredReportHTML.table(
            ["Control", "Title", "Status", "Passed", "Failed", "Unknown"],
            d.controls.map { c in
                [
                    "<code>\(e(c.control.id))</code>", e(c.control.title), StoredReportHTML.badge(c.status.rawValue), String(c.passed),
                    String(c.failed), String(c.unknown),
                ]
            },
            numeric: [3, 4, 5], empty: "No controls.")
        body += "</section>\n<section>\n<h2>Failing findings (\(d.failingFindings.count))</h2>\n"
        body += StoredReportHTML.table(
            StoredReportHTML.findingHeaders, StoredReportHTML.findingRows(d.failingFindings, framework: d.framework.id),
            empty: "No failing findings.")
        body += "</section>\n<footer>Generated by Bulwark at \(e(StoredReportText.date(d.generatedAt))). "
        body += "Score = controls passed / (passed + failed); manual and not applicable controls are not scored.</footer>\n"
        return StoredReportHTML.page(title: "\(heading(d)) (\(StoredReportText.shortSHA(d.commit)))", body: body)
    }
}
