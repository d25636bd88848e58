import Crypto
import Foundation
import Hummingbird

/// The dashboard's session: the API token kept in the `bulwark_token` cookie (HttpOnly, SameSite=Strict), and the
/// CSRF token every form carries, an HMAC of that credential under a key of this process, so a form is accepted
/// only from a page rendered for the same session.
struct DashboardSession: Sendable {
    /// The cookie the token is kept in.
    static let cookieName = "bulwark_token"

    /// The HMAC key's bytes (`SymmetricKey` itself is not `Sendable`).
    private let key: Data

    /// A session guard with a fresh random key (forms rendered by another process or before a restart are refused).
    init() {
        key = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
    }

    /// The credential the request is authenticated with: the session cookie, else the Authorization header.
    static func credential(of request: Request) -> String {
        if let cookie = request.cookies[cookieName]?.value, !cookie.isEmpty { return cookie }
        return request.headers[.authorization] ?? ""
    }

    /// The CSRF token of the request's session.
    func csrfToken(for request: Request) -> String {
        csrfToken(credential: Self.credential(of: request))
    }

    /// The CSRF token of a credential.
    func csrfToken(credential: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(
            for: Data(("bulwark-dashboard-csrf\u{0}" + credential).utf8), using: SymmetricKey(data: key))
        return code.map { String(format: "%02x", $0) }.joined()
    }

    /// Refuses a form post from another origin (by `Origin` or `Sec-Fetch-Site`), or one whose CSRF token is not
    /// the session's.
    func checkForm(_ fields: FormFields, request: Request) throws(DashboardError) {
        try Self.checkOrigin(request)
        let expected = csrfToken(for: request)
        guard let sent = fields["csrf"], Self.constantTimeEqual(sent, expected) else {
            throw DashboardError(
                .badRequestOrigin, "The form has expired or was not sent from this dashboard; reload the page and try again.")
        }
    }

    /// Refuses a post whose browser says it came from another site.
    static func checkOrigin(_ request: Request) throws(DashboardError) {
        if request.headers.contains(where: { $0.name.canonicalName == "sec-fetch-site" && $0.value == "cross-site" }) {
            throw DashboardError(.badRequestOrigin, "Forms may only be sent from this dashboard.")
        }
        guard let origin = request.headers[.origin] else { return }
        // HTTP/1.1 carries the authority in the Host field, which HTTPTypes leaves among the fields.
        let host = request.head.authority ?? request.headers.first { $0.name.canonicalName == "host" }?.value ?? ""
        guard origin == "http://" + host || origin == "https://" + host else {
            throw DashboardError(.badRequestOrigin, "Forms may only be sent from this dashboard.")
        }
    }

    /// The cookie that keeps `token`; a token a cookie cannot hold is refused rather than altered.
    static func loginCookie(token: String) throws(DashboardError) -> Cookie {
        do {
            return try Cookie.validated(name: cookieName, value: token, path: "/", httpOnly: true, sameSite: .strict)
        } catch {
            throw DashboardError(.badForm, "The token contains characters a browser cookie cannot hold.", underlying: error)
        }
    }

    /// The cookie that ends the session.
    static var logoutCookie: Cookie {
        Cookie(name: cookieName, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: .strict)
    }

    private static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in x.indices { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}
