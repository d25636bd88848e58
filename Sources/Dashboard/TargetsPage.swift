import Foundation
import Store

/// `GET /`: every target with its Ready condition, its latest scan, its score and the score's recent trend.
struct TargetsPage: Sendable {
    /// One target's line.
    struct Row: Sendable {
        var name: String
        var status: TargetStatusRecord?
        var latest: StoredScan?
        /// The framework the score is computed for (the first recorded in the latest scan).
        var framework: String?
        /// Scores of the recent scans, oldest first.
        var trend: [Double?]
    }

    /// Scans shown in each sparkline.
    static let trendScans = 20

    var rows: [Row]

    /// Reads the targets from the store.
    static func load(_ store: Store) async throws -> TargetsPage {
        let statuses = Dictionary(
            try await store.targetStatuses().map { ($0.target, $0) }, uniquingKeysWith: { first, _ in first })
        var rows: [Row] = []
        for name in try await store.targetNames() {
            var row = Row(name: name, status: statuses[name], latest: nil, framework: nil, trend: [])
            if let latest = try await store.latestScan(target: name) {
                row.latest = latest
                row.framework = try await store.complianceFrameworks(scanID: latest.id).first
                if let framework = row.framework {
                    row.trend = try await store.history(target: name, framework: framework, limit: trendScans).map(\.score)
                }
            }
            rows.append(row)
        }
        return TargetsPage(rows: rows)
    }

    /// The page's `<main>` content.
    func render() -> String {
        let e = HTML.escape
        var out = "<h1>Targets</h1>\n"
        guard !rows.isEmpty else {
            return out + "<p>No target has been reconciled or scanned yet.</p>\n"
        }
        out += "<table>\n<caption>Targets, their Ready condition and compliance score</caption>\n<thead><tr>"
        for (label, numeric) in [
            ("Target", false), ("Ready", false), ("Reason", false), ("Observed commit", false),
            ("Latest scan", false), ("Open findings", true), ("Score", true), ("Trend", false),
        ] {
            out += "<th scope=\"col\"\(numeric ? " class=\"num\"" : "")>\(label)</th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        for row in rows {
            out += "<tr><th scope=\"row\"><a href=\"\(e(HTML.targetPath(row.name)))\">\(e(row.name))</a></th>"
            if let status = row.status {
                out += "<td>\(DisplayText.badge(status.ready, DisplayText.readyClass(status.ready)))</td>"
                out += "<td>\(e(status.reason))"
                if !status.message.isEmpty { out += "<br><span class=\"muted\">\(e(status.message))</span>" }
                out += "</td><td><code>\(e(status.lastObservedCommit ?? "–"))</code></td>"
            } else {
                out += "<td>\(DisplayText.badge("Unknown", "unknown"))</td><td class=\"muted\">not reconciled</td><td>–</td>"
            }
            if let scan = row.latest {
                out += "<td><code>\(e(DisplayText.shortSHA(scan.commit)))</code> "
                out += "\(e(DisplayText.date(scan.finishedAt)))<br><span class=\"muted\">\(e(scan.status.rawValue))</span></td>"
                out += "<td class=\"num\">\(scan.openFindings)</td>"
            } else {
                out += "<td class=\"muted\">no scan</td><td class=\"num\">–</td>"
            }
            if let framework = row.framework {
                out += "<td class=\"num\">\(e(DisplayText.percent(row.trend.last ?? nil)))"
                out += "<br><span class=\"muted\">\(e(framework))</span></td>"
                out += "<td>\(Sparkline.svg(row.trend, label: "Score trend of \(row.name)"))</td>"
            } else {
                out += "<td class=\"num\">n/a</td><td class=\"muted\">no compliance recorded</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }
}
