import Foundation
import LiveRemediation
import Store

/// `GET /remediation`: the remediation requests with their plan, and approve/reject buttons for a viewer whose
/// role may decide; after a decision the page says what happened.
struct RemediationQueuePage: Sendable {
    /// Which requests to list.
    struct Filter: Sendable, Equatable {
        /// A status, or nil for the pending ones (proposed, approved, applying, failed); `showAll` lists every one.
        var status: RemediationStatus?
        var showAll = false
        var target: String?

        /// The filter a query string (or a decision form's hidden fields) asks for.
        init(_ fields: FormFields) {
            let status = fields["status"] ?? ""
            self.status = RemediationStatus(rawValue: status)
            showAll = status == "all"
            target = fields.nonEmpty("target").map { String($0.prefix(200)) }
        }

        /// The statuses of requests that still wait for someone or something.
        static let pending: Set<RemediationStatus> = [.proposed, .approved, .applying, .failed]

        func admits(_ record: RemediationRecord) -> Bool {
            if let status { return record.status == status }
            return showAll || Self.pending.contains(record.status)
        }

        /// `/remediation?…` with this filter, for links and redirects.
        var path: String {
            var query: [String] = []
            if showAll { query.append("status=all") } else if let status { query.append("status=\(status.rawValue)") }
            if let target { query.append("target=" + HTML.urlComponent(target)) }
            return "/remediation" + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
        }
    }

    /// Requests rendered at most.
    static let limit = 500

    var records: [RemediationRecord]
    var filter: Filter
    var viewer: DashboardViewer
    var csrf: String
    /// What the last decision did, from the redirect's query (a fixed set of texts, never echoed input).
    var notice: String?

    /// Reads the requests from the store.
    static func load(
        _ store: Store, filter: Filter, viewer: DashboardViewer, csrf: String, notice: String?
    ) async throws -> RemediationQueuePage {
        let records = try await store.remediations(status: filter.status, target: filter.target).filter(filter.admits)
        return RemediationQueuePage(records: records, filter: filter, viewer: viewer, csrf: csrf, notice: notice)
    }

    /// The page's `<main>` content.
    func render() -> String {
        let e = HTML.escape
        var out = "<h1>Remediation queue</h1>\n"
        if let notice { out += "<p class=\"notice\" role=\"status\">\(e(notice))</p>\n" }
        if !viewer.mayDecide {
            out += "<p class=\"muted\">Your role (\(e(viewer.role.rawValue))) may view requests but not approve or reject them.</p>\n"
        }
        out += filterForm()
        let shown = records.prefix(Self.limit)
        guard !shown.isEmpty else { return out + "<p>No remediation request matches.</p>\n" }
        out += "<table>\n<caption>\(records.count) remediation requests"
        if records.count > shown.count { out += " (first \(shown.count) shown)" }
        out += "</caption>\n<thead><tr>"
        for label in ["Request", "Target", "Check and resource", "Plan", "Status", "Detected"] {
            out += "<th scope=\"col\">\(label)</th>"
        }
        if viewer.mayDecide { out += "<th scope=\"col\">Decision</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for record in shown {
            let id = record.id.map(String.init) ?? "?"
            out += "<tr><th scope=\"row\">#\(id)</th>"
            out += "<td><a href=\"\(e(HTML.targetPath(record.target)))\">\(e(record.target))</a></td>"
            out += "<td><code>\(e(record.checkID))</code><br><code>\(e(record.resourceAddress))</code></td>"
            let plan = try? LivePlan.decode(record.plan, remediationID: record.id)
            out += "<td>\(e(plan?.summary ?? "(plan cannot be read)"))</td>"
            out += "<td>\(DisplayText.badge(record.status.rawValue, Self.statusClass(record.status)))"
            if let error = record.error, record.status == .failed { out += "<br><span class=\"muted\">\(e(error))</span>" }
            out += "</td><td>\(e(DisplayText.date(record.detectedAt)))</td>"
            if viewer.mayDecide { out += "<td>\(decisionForms(record))</td>" }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    private func filterForm() -> String {
        let e = HTML.escape
        var out = "<form class=\"filters\" method=\"get\" action=\"/remediation\" aria-label=\"Filter requests\">\n"
        out += "<label>Status <select name=\"status\">"
        out += "<option value=\"\"\(filter.status == nil && !filter.showAll ? " selected" : "")>Pending</option>"
        out += "<option value=\"all\"\(filter.showAll ? " selected" : "")>Any status</option>"
        for status in RemediationStatus.allCases {
            out += "<option value=\"\(status.rawValue)\"\(filter.status == status ? " selected" : "")>\(status.rawValue)</option>"
        }
        out += "</select></label>\n<label>Target <input type=\"text\" name=\"target\" value=\"\(e(filter.target ?? ""))\" "
        out += "maxlength=\"200\"></label>\n<button type=\"submit\">Filter</button>\n</form>\n"
        return out
    }

    /// Approve and reject forms for the decisions the request's status allows.
    private func decisionForms(_ record: RemediationRecord) -> String {
        guard let id = record.id else { return "" }
        var out = ""
        if [.proposed, .failed].contains(record.status) { out += form(id, "approve", "Approve") }
        if [.proposed, .approved].contains(record.status) { out += form(id, "reject", "Reject") }
        return out.isEmpty ? "<span class=\"muted\">–</span>" : out
    }

    private func form(_ id: Int64, _ action: String, _ label: String) -> String {
        let e = HTML.escape
        var out = "<form class=\"decision\" method=\"post\" action=\"/remediation/\(id)/\(action)\">"
        out += "<input type=\"hidden\" name=\"csrf\" value=\"\(e(csrf))\">"
        if filter.showAll {
            out += "<input type=\"hidden\" name=\"status\" value=\"all\">"
        } else if let status = filter.status {
            out += "<input type=\"hidden\" name=\"status\" value=\"\(status.rawValue)\">"
        }
        if let target = filter.target { out += "<input type=\"hidden\" name=\"target\" value=\"\(e(target))\">" }
        out += "<button type=\"submit\" class=\"\(action)\" aria-label=\"\(label) request \(id)\">\(label)</button></form>"
        return out
    }

    static func statusClass(_ status: RemediationStatus) -> String {
        switch status {
        case .failed, .rejected: return "bad"
        case .applied, .verified: return "good"
        case .proposed, .approved, .applying: return "neutral"
        }
    }
}
