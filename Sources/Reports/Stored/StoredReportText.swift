import Foundation
import Model

/// Formatting shared by every stored-report format, so JSON, Markdown, CSV and HTML agree on dates, SHAs and order.
enum StoredReportText {
    /// Status values in the order summaries list them.
    static let statuses: [ControlStatus] = [.passed, .failed, .unknown, .notApplicable, .notAutomated]

    /// ISO 8601 in UTC, to the second (`2025-03-01T12:00:00Z`).
    static func date(_ d: Date) -> String { d.ISO8601Format() }

    /// The first seven characters of a commit, as git abbreviates it.
    static func shortSHA(_ sha: String) -> String { String(sha.prefix(7)) }

    /// A status for people: `not_applicable` → `not applicable`.
    static func label(_ status: String) -> String { status.replacingOccurrences(of: "_", with: " ") }

    /// A control status for people.
    static func label(_ status: ControlStatus) -> String { label(status.rawValue) }

    /// History oldest first; the sort is stable so commits scanned in the same second keep the caller's order.
    static func chronological(_ rows: [HistoryRow]) -> [HistoryRow] {
        rows.enumerated().sorted { a, b in
            a.element.date != b.element.date ? a.element.date < b.element.date : a.offset < b.offset
        }.map(\.element)
    }

    /// Findings by severity (critical first), then check ID and resource.
    static func bySeverity(_ rows: [StoredFinding]) -> [StoredFinding] {
        rows.sorted { a, b in
            if a.severity != b.severity { return a.severity > b.severity }
            return (a.checkID, a.resourceAddress) < (b.checkID, b.resourceAddress)
        }
    }

    /// The controls a finding evidences: of `framework` only and without its prefix (`2.1.4`), or all of them as
    /// stored (`cis-aws:2.1.4`) when `framework` is nil.
    static func controls(_ f: StoredFinding, framework: String?) -> [String] {
        guard let framework else { return f.controls }
        let prefix = framework + ":"
        return f.controls.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
    }

    /// A finding's lifecycle as the reports show it; a result the store does not track counts as open.
    static func state(_ f: StoredFinding) -> LifecycleState { f.lifecycle ?? .open }

    /// `file:line`, `file`, or empty.
    static func location(_ f: StoredFinding) -> String {
        guard let file = f.file, !file.isEmpty else { return "" }
        return f.line.map { "\(file):\($0)" } ?? file
    }
}
