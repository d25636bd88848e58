import Store

/// The most recent activity-log alerts. Alerts name a principal, not a target, so every target page shows the
/// same recent ones, said as such.
struct AlertsSection: Sendable {
    /// Alerts shown.
    static let limit = 20

    var alerts: [AlertRecord]

    /// The section's HTML.
    func render() -> String {
        let e = HTML.escape
        var out = "<section aria-labelledby=\"alerts\">\n<h2 id=\"alerts\">Alerts</h2>\n"
        guard !alerts.isEmpty else { return out + "<p>No activity-log alert has been raised.</p>\n</section>\n" }
        out += "<table>\n<caption>The \(alerts.count) most recent activity-log alerts (all targets)</caption>\n<thead><tr>"
        out += "<th scope=\"col\">Raised</th><th scope=\"col\">Severity</th><th scope=\"col\">Alert</th>"
        out += "<th scope=\"col\">Principal</th><th scope=\"col\">Source</th></tr></thead>\n<tbody>\n"
        for alert in alerts {
            out += "<tr><td>\(e(DisplayText.date(alert.createdAt)))</td>"
            out += "<td>\(DisplayText.badge(alert.severity.displayName, FindingsSection.severityClass(alert.severity)))</td>"
            out += "<th scope=\"row\">\(e(alert.title))</th><td><code>\(e(alert.principal))</code></td>"
            out += "<td>\(e(alert.source))\(alert.score.map { " (score \(String(format: "%.2f", $0)))" } ?? "")</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</section>\n"
    }
}
