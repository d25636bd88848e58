import Foundation
import Store

/// `GET /targets/{name}`: one target's condition, its latest scan, the findings table with its filters,
/// compliance by framework with the trend, drift and the recent alerts.
struct TargetPage: Sendable {
    var name: String
    var status: TargetStatusRecord?
    var latest: StoredScan?
    var findings: FindingsSection
    var compliance: ComplianceSection
    var drift: DriftSection
    var alerts: AlertsSection

    /// Reads the target from the store; nil when the store knows no such target.
    static func load(_ store: Store, name: String, filter: FindingFilter) async throws -> TargetPage? {
        let status = try await store.targetStatus(name)
        let latest = try await store.latestScan(target: name)
        guard status != nil || latest != nil else { return nil }
        let path = HTML.targetPath(name)
        var page = TargetPage(
            name: name, status: status, latest: latest,
            findings: FindingsSection(rows: [], total: 0, filter: filter, path: path),
            compliance: ComplianceSection(target: name, frameworks: []), drift: DriftSection(items: []),
            alerts: AlertsSection(alerts: try await store.alerts(since: nil, limit: AlertsSection.limit)))
        guard let latest else { return page }
        let results = try await store.results(scanID: latest.id)
        page.findings.rows = filter.apply(results)
        page.findings.total = results.count
        let controls = try await store.compliance(scanID: latest.id, framework: nil)
        var frameworks: [ComplianceSection.Framework] = []
        for id in try await store.complianceFrameworks(scanID: latest.id) {
            let own = controls.filter { $0.framework == id }
            frameworks.append(
                ComplianceSection.Framework(
                    id: id, version: own.first?.frameworkVersion ?? "", controls: own.map(\.result),
                    history: try await store.history(target: name, framework: id, limit: ComplianceSection.trendScans)))
        }
        page.compliance.frameworks = frameworks
        page.drift.items = try await store.drift(scanID: latest.id)
        return page
    }

    /// The page's `<main>` content.
    func render() -> String {
        let e = HTML.escape
        var out = "<h1>Target <code>\(e(name))</code></h1>\n"
        if let status {
            out += "<p>Ready: \(DisplayText.badge(status.ready, DisplayText.readyClass(status.ready))) "
            out += "\(e(status.reason))\(status.message.isEmpty ? "" : " — " + e(status.message))"
            if let error = status.lastError { out += "<br><span class=\"muted\">Last error: \(e(error))</span>" }
            out += "</p>\n"
        } else {
            out += "<p>Ready: \(DisplayText.badge("Unknown", "unknown")) not reconciled by the controller.</p>\n"
        }
        out +=
            "<p><a href=\"/remediation?target=\(e(HTML.urlComponent(name)))&amp;status=all\">Remediation requests of this target</a></p>\n"
        out += "<section aria-labelledby=\"latest\">\n<h2 id=\"latest\">Latest scan</h2>\n"
        guard let latest else {
            return out + "<p>No scan has been recorded for this target.</p>\n</section>\n" + alerts.render()
        }
        out += "<dl class=\"cards\">"
        for (label, value) in [
            ("Commit", DisplayText.shortSHA(latest.commit)), ("Branch", latest.branch),
            ("Finished", DisplayText.date(latest.finishedAt)), ("Status", latest.status.rawValue),
            ("Resources", "\(latest.resourceCount)"), ("Open findings", "\(latest.openFindings)"),
            ("New", "\(latest.newFindings)"), ("Resolved", "\(latest.resolvedFindings)"),
        ] {
            out += "<div><dt>\(label)</dt><dd>\(e(value))</dd></div>"
        }
        out += "</dl>\n"
        if let error = latest.error { out += "<p class=\"error\">The scan reported: \(e(error))</p>\n" }
        out += "</section>\n"
        return out + findings.render() + compliance.render() + drift.render() + alerts.render()
    }
}
