import Hummingbird

/// The responses the dashboard sends: HTML pages and the stylesheet with the security headers every page carries
/// (a Content-Security-Policy that allows only this origin, no sniffing, no referrer to other sites — `no-referrer`
/// would make the browser send `Origin: null` with our own forms — and no caching of pages that
/// show a session's data), and the redirects after a form.
enum PageResponse {
    /// Only resources of this origin; no plugins, no framing, forms post only here.
    static let contentSecurityPolicy =
        "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    /// An HTML page.
    static func html(_ document: String, status: HTTPResponse.Status = .ok, headers extra: HTTPFields = [:]) -> Response {
        var headers = securityHeaders
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers.append(contentsOf: extra)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: document)))
    }

    /// The stylesheet.
    static func stylesheet() -> Response {
        var headers = securityHeaders
        headers[.contentType] = "text/css; charset=utf-8"
        headers[.cacheControl] = "max-age=300"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: DashboardStyle.css)))
    }

    /// 303 See Other to a path of this dashboard, so a reload after a form post does not post again.
    static func redirect(_ path: String, headers extra: HTTPFields = [:]) -> Response {
        var headers = securityHeaders
        headers[.location] = path
        headers[.cacheControl] = "no-store"
        headers.append(contentsOf: extra)
        return Response(status: .seeOther, headers: headers)
    }

    private static var securityHeaders: HTTPFields {
        var headers = HTTPFields()
        headers[.contentSecurityPolicy] = contentSecurityPolicy
        headers[.xContentTypeOptions] = "nosniff"
        // A constant, valid field name (the field has no predefined name).
        if let referrerPolicy = HTTPFields.Element.Name("Referrer-Policy") { headers[referrerPolicy] = "same-origin" }
        return headers
    }
}
