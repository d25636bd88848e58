import Store

/// The drift recorded with the target's latest scan: what differs between the declared and the live resources.
struct DriftSection: Sendable {
    /// Rows rendered at most.
    static let limit = 200

    var items: [DriftRecord]

    /// The section's HTML.
    func render() -> String {
        let e = HTML.escape
        var out = "<section aria-labelledby=\"drift\">\n<h2 id=\"drift\">Drift</h2>\n"
        guard !items.isEmpty else { return out + "<p>No drift was recorded with the latest scan.</p>\n</section>\n" }
        let shown = items.prefix(Self.limit)
        out += "<table>\n<caption>\(items.count) drift item\(items.count == 1 ? "" : "s")"
        if items.count > shown.count { out += " (first \(shown.count) shown)" }
        out += "</caption>\n<thead><tr><th scope=\"col\">Kind</th><th scope=\"col\">Resource</th>"
        out += "<th scope=\"col\">Attribute</th><th scope=\"col\">Declared</th><th scope=\"col\">Live</th></tr></thead>\n<tbody>\n"
        for item in shown {
            out += "<tr><td>\(e(item.kind))</td><th scope=\"row\"><code>\(e(item.address.isEmpty ? item.liveID ?? "" : item.address))"
            out += "</code><br><span class=\"muted\">\(e(item.resourceType))</span></th>"
            out += "<td><code>\(e(item.attribute ?? "–"))</code></td>"
            out += "<td><code>\(e(Self.clip(item.desired)))</code></td><td><code>\(e(Self.clip(item.live)))</code></td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</section>\n"
    }

    /// A stored JSON value cut to a readable length.
    static func clip(_ value: String?) -> String {
        guard let value else { return "–" }
        return value.count > 300 ? String(value.prefix(300)) + "…" : value
    }
}
