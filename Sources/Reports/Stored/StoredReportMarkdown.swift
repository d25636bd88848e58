import Model

/// Markdown tables shared by the stored reports.
enum StoredReportMarkdown {
    /// A findings table (controls of `framework`, or all when nil), or an italic line when there are none.
    static func findings(_ rows: [StoredFinding], framework: String?, empty: String) -> String {
        guard !rows.isEmpty else { return "_\(empty)_\n\n" }
        let cell = TextEscaping.markdownCell
        let code = TextEscaping.markdownCode
        var out = "| Severity | Check | Title | Resource | Location | Controls | First seen | State |\n"
        out += "|---|---|---|---|---|---|---|---|\n"
        for f in StoredReportText.bySeverity(rows) {
            out += "| \(cell(f.severity.rawValue)) | \(code(f.checkID)) | \(cell(f.title)) | \(code(f.resourceAddress)) | "
            out +=
                "\(code(StoredReportText.location(f))) | \(cell(StoredReportText.controls(f, framework: framework).joined(separator: ", "))) | "
            out += "\(code(f.firstSeenCommit.map(StoredReportText.shortSHA) ?? "")) | \(cell(StoredReportText.state(f).rawValue)) |\n"
        }
        return out + "\n"
    }

    /// One row per scanned commit, oldest first.
    static func history(_ rows: [HistoryRow]) -> String {
        guard !rows.isEmpty else { return "_No scans recorded yet._\n\n" }
        var out = "| Commit | Date | Score | Passed controls | Failed controls | Open findings |\n"
        out += "|---|---|---:|---:|---:|---:|\n"
        for h in StoredReportText.chronological(rows) {
            out += "| \(TextEscaping.markdownCode(StoredReportText.shortSHA(h.commit))) | \(StoredReportText.date(h.date)) | "
            out += "\(TextEscaping.percent(h.score)) | \(h.passedControls) | \(h.failedControls) | \(h.openFindings) |\n"
        }
        return out + "\n"
    }
}
