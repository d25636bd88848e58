import Model

/// The findings table of the target page: the latest scan's results the filter keeps, at most `limit` rows.
struct FindingsSection: Sendable {
    /// Rows rendered at most; the rest are counted, so a huge scan cannot make a huge page.
    static let limit = 500

    var rows: [StoredFinding]
    var total: Int
    var filter: FindingFilter
    var path: String

    /// The section's HTML.
    func render() -> String {
        let e = HTML.escape
        var out = "<section aria-labelledby=\"findings\">\n<h2 id=\"findings\">Findings</h2>\n"
        out += filter.form(action: path)
        let shown = rows.prefix(Self.limit)
        guard !shown.isEmpty else {
            return out + "<p>No result of the latest scan matches the filter (\(total) results in all).</p>\n</section>\n"
        }
        out += "<table>\n<caption>\(rows.count) of \(total) results of the latest scan"
        if rows.count > shown.count { out += " (first \(shown.count) shown; narrow the filter to see the rest)" }
        out += "</caption>\n<thead><tr>"
        for label in ["Severity", "Verdict", "Check", "Resource", "Details", "State"] {
            out += "<th scope=\"col\">\(label)</th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        for row in shown {
            out += "<tr><td>\(DisplayText.badge(row.severity.displayName, Self.severityClass(row.severity)))</td>"
            out += "<td>\(DisplayText.badge(row.verdict.description, Self.verdictClass(row.verdict)))</td>"
            out += "<th scope=\"row\"><code>\(e(row.checkID))</code><br>\(e(row.title))</th>"
            out += "<td><code>\(e(row.resourceAddress))</code>"
            if let file = row.file {
                out += "<br><span class=\"muted\">\(e(file))\(row.line.map { ":\($0)" } ?? "")</span>"
            }
            out += "</td><td>\(e(row.message ?? ""))"
            if !row.controls.isEmpty {
                out += "<br><span class=\"muted\">\(e(row.controls.joined(separator: ", ")))</span>"
            }
            if let suppression = row.suppression {
                out += "<br><span class=\"muted\">suppressed: \(e(suppression.reason))</span>"
            }
            out += "</td><td>\(e(row.lifecycle?.rawValue ?? "–"))</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</section>\n"
    }

    static func severityClass(_ severity: Severity) -> String {
        severity >= .high ? "bad" : "neutral"
    }

    static func verdictClass(_ verdict: Verdict.Kind) -> String {
        switch verdict {
        case .failed: return "bad"
        case .passed: return "good"
        case .unknown: return "unknown"
        case .skipped: return "neutral"
        }
    }
}
