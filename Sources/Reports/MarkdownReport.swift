import Checks
import Model

/// The `markdown` output format: a pull-request comment (GitHub-flavoured Markdown).
public enum MarkdownReport {
    /// Findings listed in the failed table before it is cut short (comments have a size limit).
    public static let maxFailedRows = 200

    /// The report as a Markdown comment.
    public static func render(_ report: ScanReport) -> String {
        let counts = report.counts
        let failed = report.failed.sorted { a, b in
            let (sa, sb) = (a.result.check.severity, b.result.check.severity)
            return sa != sb ? sa > sb : Finding.precedes(a, b)
        }
        var out = "## Bulwark scan: "
        if counts.total.failed == 0 {
            out += "no failed checks"
        } else {
            let parts = Counts.severityOrder.compactMap { s -> String? in
                let n = counts.bySeverity[s]?.failed ?? 0
                return n > 0 ? "\(n) \(s.rawValue)" : nil
            }
            out += "\(counts.total.failed) failed (\(parts.joined(separator: ", ")))"
        }
        if !report.loadErrors.isEmpty { out += ", \(report.loadErrors.count) load error\(report.loadErrors.count == 1 ? "" : "s")" }
        out += "\n\n"
        out += "| Severity | Failed | Passed | Unknown | Skipped |\n|---|---:|---:|---:|---:|\n"
        for s in Counts.severityOrder {
            let row = counts.bySeverity[s] ?? Counts.Row()
            out += "| \(s.rawValue) | \(row.failed) | \(row.passed) | \(row.unknown) | \(row.skipped) |\n"
        }
        let t = counts.total
        out += "| **total** | **\(t.failed)** | **\(t.passed)** | **\(t.unknown)** | **\(t.skipped)** |\n\n"
        out += "\(report.resourceCount) resources, \(report.checkCount) checks"
        if report.baselined > 0 { out += ", \(report.baselined) known findings hidden by the baseline" }
        out += ".\n\n"
        if !failed.isEmpty {
            out += "### Failed checks\n\n| Severity | Check | Resource | Location | Title |\n|---|---|---|---|---|\n"
            for f in failed.prefix(maxFailedRows) {
                let r = f.result
                out += "| \(r.check.severity.rawValue) | \(cell(r.checkID)) | \(code(r.resourceAddress)) | "
                out += "\(code(f.location?.display ?? "")) | \(cell(r.check.title)) |\n"
            }
            if failed.count > maxFailedRows { out += "\n…and \(failed.count - maxFailedRows) more; see the full report.\n" }
            out += "\n"
        }
        out += collapsed("Passed checks", report.findings.filter { $0.result.verdict == .passed })
        out += collapsed(
            "Unknown until apply",
            report.findings.filter {
                if case .unknown = $0.result.verdict { return true }
                return false
            })
        out += collapsed(
            "Skipped",
            report.findings.filter {
                if case .skipped = $0.result.verdict { return true }
                return false
            })
        if !report.compliance.isEmpty {
            out += "### Compliance\n\n| Framework | Score | Passed | Failed | Unknown | Manual | Not applicable |\n"
            out += "|---|---:|---:|---:|---:|---:|---:|\n"
            for s in report.compliance {
                out += "| \(cell(s.framework.name)) \(cell(s.framework.version)) | \(TextEscaping.percent(s.score)) | "
                out +=
                    "\(s.count(.passed)) | \(s.count(.failed)) | \(s.count(.unknown)) | \(s.count(.notAutomated)) | \(s.count(.notApplicable)) |\n"
            }
            out += "\n"
        }
        if !report.diagnostics.isEmpty {
            out += "### Load errors and warnings\n\n| Severity | Location | Message |\n|---|---|---|\n"
            for d in report.diagnostics {
                var place = d.file ?? ""
                if let line = d.line { place += ":\(line)" }
                if let column = d.column { place += ":\(column)" }
                out += "| \(d.severity.rawValue) | \(code(place)) | \(cell(d.message)) (\(cell(d.code))) |\n"
            }
            out += "\n"
        }
        return out
    }

    /// A `<details>` block counting results per check, so passing checks do not crowd the comment.
    private static func collapsed(_ title: String, _ findings: [Finding]) -> String {
        guard !findings.isEmpty else { return "" }
        var perCheck: [String: (title: String, count: Int)] = [:]
        for f in findings {
            perCheck[f.result.checkID, default: (f.result.check.title, 0)].count += 1
        }
        var out = "<details><summary>\(title) (\(findings.count))</summary>\n\n| Check | Title | Results |\n|---|---|---:|\n"
        for id in perCheck.keys.sorted() {
            let entry = perCheck[id] ?? ("", 0)
            out += "| \(cell(id)) | \(cell(entry.title)) | \(entry.count) |\n"
        }
        return out + "\n</details>\n\n"
    }

    private static func cell(_ s: String) -> String { TextEscaping.markdownCell(s) }

    private static func code(_ s: String) -> String { TextEscaping.markdownCode(s) }
}
