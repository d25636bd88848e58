import Checks
import Model

/// The `csv` output format (RFC 4180, CRLF line ends, header row).
///
/// One table holds three kinds of rows, told apart by the first column `record`: `result` (one per check
/// result), `load_error`/`warning` (code in `check_id`, message in `reason`), and `compliance` (framework ID in
/// `check_id`, name in `title`, score in `verdict`, control counts in `reason`).
public enum CSVReport {
    /// Column names, in order.
    public static let header = [
        "record", "check_id", "checkov_ids", "title", "severity", "resource", "resource_type", "file", "line",
        "verdict", "reason", "evidence", "fingerprint",
    ]

    /// The report as CSV text.
    public static func render(_ report: ScanReport) -> String {
        var rows: [[String]] = [header]
        for f in report.findings {
            let r = f.result
            rows.append([
                "result", r.checkID, r.check.references.checkov.joined(separator: " "), r.check.title,
                r.check.severity.rawValue, r.resourceAddress, r.resourceType, f.location?.file ?? "",
                f.location?.startLine.map(String.init) ?? "", r.verdict.description, f.reason, r.evidence,
                f.fingerprint.hex,
            ])
        }
        for d in report.diagnostics {
            rows.append([
                d.severity == .error ? "load_error" : "warning", d.code, "", "", "", "", "", d.file ?? "",
                d.line.map(String.init) ?? "", "", d.message, "", "",
            ])
        }
        for s in report.compliance {
            let detail =
                "passed=\(s.count(.passed)) failed=\(s.count(.failed)) unknown=\(s.count(.unknown)) "
                + "manual=\(s.count(.notAutomated)) not_applicable=\(s.count(.notApplicable))"
            rows.append([
                "compliance", s.framework.id, "", s.framework.name + " " + s.framework.version, "", "", "", "", "",
                TextEscaping.percent(s.score), detail, "", "",
            ])
        }
        return TextEscaping.csvTable(rows)
    }
}
