/// The document every dashboard page shares: head with the stylesheet, a skip link, the site header with
/// navigation and the signed-in viewer, and the page's own `<main>`.
struct PageLayout {
    /// The navigation entries; the current one is marked for assistive technology.
    enum Section: Sendable {
        case targets, remediation, none
    }

    var title: String
    var section: Section
    /// Nil on the login page.
    var viewer: DashboardViewer?
    /// The CSRF token of the viewer's session (for the sign-out form).
    var csrf: String?

    /// The whole document around `body`, which must already be escaped HTML.
    func render(_ body: String) -> String {
        let e = HTML.escape
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>\(e(title)) · Bulwark</title>\n"
        out += "<link rel=\"stylesheet\" href=\"/static/dashboard.css\">\n</head>\n<body>\n"
        out += "<a class=\"skip\" href=\"#main\">Skip to content</a>\n"
        out += "<header class=\"site\">\n<a class=\"brand\" href=\"/\">Bulwark</a>\n"
        if let viewer {
            out += "<nav aria-label=\"Main\"><ul>"
            out += item("Targets", href: "/", current: section == .targets)
            out += item("Remediation queue", href: "/remediation", current: section == .remediation)
            out += "</ul></nav>\n"
            out += "<div class=\"who\"><span>Signed in as <strong>\(e(viewer.name))</strong> "
            out += "(\(e(viewer.role.rawValue)))</span>"
            out += "<form class=\"logout\" method=\"post\" action=\"/logout\">"
            out += "<input type=\"hidden\" name=\"csrf\" value=\"\(e(csrf ?? ""))\">"
            out += "<button type=\"submit\">Sign out</button></form></div>\n"
        }
        out += "</header>\n<main id=\"main\">\n" + body + "</main>\n</body>\n</html>\n"
        return out
    }

    private func item(_ label: String, href: String, current: Bool) -> String {
        "<li><a href=\"\(href)\"\(current ? " aria-current=\"page\"" : "")>\(HTML.escape(label))</a></li>"
    }
}
