/// `GET /login`: the form that asks for an API token. The token is sent once, checked, and kept in an HttpOnly
/// cookie; it is never written back into a page.
struct LoginPage: Sendable {
    /// Why the last attempt failed (a fixed text, never the token).
    var error: String?

    /// The page's `<main>` content.
    func render() -> String {
        var out = "<h1>Sign in</h1>\n"
        if let error { out += "<p class=\"error\" role=\"alert\">\(HTML.escape(error))</p>\n" }
        out += "<p>Sign in with a Bulwark API token. What the dashboard shows depends on the token's role.</p>\n"
        out += "<form class=\"login\" method=\"post\" action=\"/login\">\n"
        out += "<label for=\"token\">API token <input id=\"token\" type=\"password\" name=\"token\" required "
        out += "autocomplete=\"off\" spellcheck=\"false\" autofocus></label>\n"
        out += "<button type=\"submit\">Sign in</button>\n</form>\n"
        return out
    }
}
