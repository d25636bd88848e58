import Checks
import Foundation

/// Formatting shared by every stored-report format, so JSON, Markdown, CSV and HTML agree on dates, SHAs and order.
enum StoredReportText {
    /// Status values in the order summaries list them.
    static let statuses = ["passed", "failed", "unknown", "not_applicable", "manual"]

    /// ISO 8601 in UTC, to the second (`2025-03-01T12:00:00Z`).
    static func date(_ d: Date) -> String { d.ISO8601Format() }

    /// The first seven characters of a commit, as git abbreviates it.
    static func shortSHA(_ sha: String) -> String { String(sha.prefix(7)) }

    /// A status for people: `not_applicable` → `not applicable`.
    static func label(_ status: String) -> String { status.replacingOccurrences(of: "_", with: " ") }

    /// History oldest first; the sort is stable so commits scanned in the same second keep the caller's order.
    static func chronological(_ rows: [HistoryRow]) -> [HistoryRow] {
        rows.enumerated().sorted { a, b in
            a.element.date != b.element.date ? a.element.date < b.element.date : a.offset < b.offset
        }.map(\.element)
    }

    /// Findings by severity (critical first, unrecognised severities last), then check ID and resource.
    static func bySeverity(_ rows: [FindingRow]) -> [FindingRow] {
        func severity(_ s: String) -> CheckDefinition.Severity? { CheckDefinition.Severity(rawValue: s.lowercased()) }
        return rows.sorted { a, b in
            let (sa, sb) = (severity(a.severity), severity(b.severity))
            if sa != sb {
                guard let sa else { return false }
                guard let sb else { return true }
                return sa > sb
            }
            return (a.checkID, a.resource) < (b.checkID, b.resource)
        }
    }

    /// `file:line`, `file`, or empty.
    static func location(_ f: FindingRow) -> String {
        guard let file = f.file, !file.isEmpty else { return "" }
        return f.line.map { "\(file):\($0)" } ?? file
    }
}
