import Foundation
import Hummingbird
import HummingbirdTesting
import Store
import Testing

@testable import Dashboard

@Suite("Routes: sign-in, CSRF, roles and decisions")
struct RouteTests {
    static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    static func cookie(_ token: String) -> HTTPFields { [.cookie: "bulwark_token=\(token)"] }

    static func formHeaders(_ token: String) -> HTTPFields {
        var headers = cookie(token)
        headers.append(contentsOf: form)
        return headers
    }

    /// The CSRF token the remediation page embeds for `token`'s session.
    static func csrf(in html: String) throws -> String {
        let marker = "name=\"csrf\" value=\""
        let start = try #require(html.range(of: marker)).upperBound
        let end = try #require(html[start...].firstIndex(of: "\""))
        return String(html[start..<end])
    }

    @Test("without a session every page redirects to the sign-in page; the stylesheet is public")
    func redirectsToLogin() async throws {
        let fixture = try await DashboardFixture.empty()
        defer { Task { await fixture.close() } }
        try await Application(router: dashboardRouter(fixture)).test(.router) { client in
            for path in ["/", "/targets/prod", "/remediation"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .seeOther, "\(path)")
                    #expect(response.headers[.location] == "/login")
                }
            }
            try await client.execute(uri: "/remediation/1/approve", method: .post, headers: Self.form, body: ByteBuffer(string: "csrf=x")) {
                response in
                #expect(response.headers[.location] == "/login")
            }
            try await client.execute(uri: "/static/dashboard.css", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/css; charset=utf-8")
            }
            try await client.execute(uri: "/login", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentSecurityPolicy]?.hasPrefix("default-src 'self'") == true)
                #expect(String(buffer: response.body).contains("<label for=\"token\">API token"))
            }
        }
    }

    @Test("sign-in refuses a wrong token and keeps a right one in an HttpOnly, SameSite=Strict cookie")
    func signIn() async throws {
        let fixture = try await DashboardFixture.empty()
        defer { Task { await fixture.close() } }
        try await Application(router: dashboardRouter(fixture)).test(.router) { client in
            try await client.execute(uri: "/login", method: .post, headers: Self.form, body: ByteBuffer(string: "token=wrong%3Cb%3E")) {
                response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.setCookie] == nil)
                let body = String(buffer: response.body)
                #expect(body.contains("That token is not valid."))
                #expect(!body.contains("wrong"))
            }
            try await client.execute(
                uri: "/login", method: .post, headers: Self.form, body: ByteBuffer(string: "token=\(TestTokens.viewer)")
            ) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/")
                let cookie = try #require(response.headers[.setCookie])
                #expect(cookie.hasPrefix("bulwark_token=\(TestTokens.viewer)"))
                #expect(cookie.contains("HttpOnly"))
                #expect(cookie.contains("SameSite=Strict"))
                #expect(cookie.contains("Path=/"))
            }
            var crossSite = Self.form
            crossSite[.origin] = "https://evil.example"
            try await client.execute(
                uri: "/login", method: .post, headers: crossSite, body: ByteBuffer(string: "token=\(TestTokens.viewer)")
            ) { response in
                #expect(response.status == .forbidden)
                #expect(response.headers[.setCookie] == nil)
            }
            try await client.execute(uri: "/", method: .get, headers: Self.cookie(TestTokens.viewer)) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("Signed in as <strong>vera</strong>"))
            }
        }
    }

    @Test("a decision needs the session's CSRF token and an approver; it goes through the remediator as the viewer")
    func decisions() async throws {
        let (fixture, ids) = try await DashboardFixture.seeded()
        defer { Task { await fixture.close() } }
        try await Application(router: dashboardRouter(fixture)).test(.router) { client in
            let page = try await client.execute(uri: "/remediation", method: .get, headers: Self.cookie(TestTokens.approver)) {
                String(buffer: $0.body)
            }
            let csrf = try Self.csrf(in: page)
            let viewerPage = try await client.execute(uri: "/remediation", method: .get, headers: Self.cookie(TestTokens.viewer)) {
                String(buffer: $0.body)
            }
            let viewerCSRF = try Self.csrf(in: viewerPage)
            #expect(csrf != viewerCSRF)
            let approve = "/remediation/\(ids[0])/approve"
            for body in ["", "csrf=forged", "csrf=\(viewerCSRF)"] {
                try await client.execute(
                    uri: approve, method: .post, headers: Self.formHeaders(TestTokens.approver), body: ByteBuffer(string: body)
                ) { response in
                    #expect(response.status == .forbidden, "\(body)")
                }
            }
            // A viewer with its own valid token is still refused by role.
            try await client.execute(
                uri: approve, method: .post, headers: Self.formHeaders(TestTokens.viewer), body: ByteBuffer(string: "csrf=\(viewerCSRF)")
            ) { response in
                #expect(response.status == .forbidden)
                #expect(String(buffer: response.body).contains("may not approve"))
            }
            #expect(try await fixture.store.remediation(id: ids[0])?.status == .proposed)

            try await client.execute(
                uri: approve, method: .post, headers: Self.formHeaders(TestTokens.approver),
                body: ByteBuffer(string: "csrf=\(csrf)&status=all")
            ) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/remediation?status=all&done=approved&id=\(ids[0])")
            }
            #expect(try await fixture.store.remediation(id: ids[0])?.status == .approved)
            let trail = try await fixture.store.auditEvents(remediationID: ids[0])
            #expect(trail.last?.actor == "alice")
            #expect(trail.last?.toStatus == .approved)

            // Approving a rejected request is refused by the state machine and said so.
            _ = try await fixture.remediator.reject(id: ids[1], by: "bob")
            try await client.execute(
                uri: "/remediation/\(ids[1])/approve", method: .post, headers: Self.formHeaders(TestTokens.approver),
                body: ByteBuffer(string: "csrf=\(csrf)")
            ) { response in
                #expect(response.headers[.location] == "/remediation?done=refused&id=\(ids[1])")
            }
            try await client.execute(uri: "/remediation?done=refused&id=\(ids[1])", method: .get, headers: Self.cookie(TestTokens.approver))
            { response in
                #expect(String(buffer: response.body).contains("was not changed"))
            }
            try await client.execute(
                uri: "/remediation/999/reject", method: .post, headers: Self.formHeaders(TestTokens.approver),
                body: ByteBuffer(string: "csrf=\(csrf)")
            ) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test("without a remediator decisions are unavailable, and nothing changes")
    func noRemediator() async throws {
        let (fixture, ids) = try await DashboardFixture.seeded()
        defer { Task { await fixture.close() } }
        try await Application(router: dashboardRouter(fixture, remediation: false)).test(.router) { client in
            let page = try await client.execute(uri: "/remediation", method: .get, headers: Self.cookie(TestTokens.approver)) {
                String(buffer: $0.body)
            }
            try await client.execute(
                uri: "/remediation/\(ids[0])/approve", method: .post, headers: Self.formHeaders(TestTokens.approver),
                body: ByteBuffer(string: "csrf=\(try Self.csrf(in: page))")
            ) { response in
                #expect(response.status == .serviceUnavailable)
            }
        }
        #expect(try await fixture.store.remediation(id: ids[0])?.status == .proposed)
    }

    @Test("a sign-in from this origin is accepted; from another, or from an opaque origin, it is refused")
    func originCheck() async throws {
        let fixture = try await DashboardFixture.empty()
        defer { Task { await fixture.close() } }
        try await Application(router: dashboardRouter(fixture)).test(.router) { client in
            for (origin, accepted) in [
                // The router test framework sends every request to authority `localhost`.
                ("http://localhost", true), ("https://localhost", true), ("null", false),
                ("http://localhost:9090", false), ("http://evil.example", false),
            ] {
                var headers = Self.form
                headers[.origin] = origin
                try await client.execute(
                    uri: "/login", method: .post, headers: headers, body: ByteBuffer(string: "token=\(TestTokens.viewer)")
                ) { response in
                    #expect(response.status == (accepted ? .seeOther : .forbidden), "\(origin)")
                    #expect((response.headers[.setCookie] != nil) == accepted, "\(origin)")
                }
            }
            var crossSite = Self.form
            crossSite[try #require(HTTPFields.Element.Name("Sec-Fetch-Site"))] = "cross-site"
            try await client.execute(
                uri: "/login", method: .post, headers: crossSite, body: ByteBuffer(string: "token=\(TestTokens.viewer)")
            ) { response in
                #expect(response.status == .forbidden)
            }
        }
    }

    @Test("sign-out needs the CSRF token and clears the cookie")
    func signOut() async throws {
        let fixture = try await DashboardFixture.empty()
        defer { Task { await fixture.close() } }
        try await Application(router: dashboardRouter(fixture)).test(.router) { client in
            let page = try await client.execute(uri: "/", method: .get, headers: Self.cookie(TestTokens.viewer)) { String(buffer: $0.body) }
            try await client.execute(
                uri: "/logout", method: .post, headers: Self.formHeaders(TestTokens.viewer), body: ByteBuffer(string: "csrf=no")
            ) { response in
                #expect(response.status == .forbidden)
                #expect(response.headers[.setCookie] == nil)
            }
            try await client.execute(
                uri: "/logout", method: .post, headers: Self.formHeaders(TestTokens.viewer),
                body: ByteBuffer(string: "csrf=\(try Self.csrf(in: page))")
            ) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/login")
                let cookie = try #require(response.headers[.setCookie])
                #expect(cookie.hasPrefix("bulwark_token=;") && cookie.contains("Max-Age=0"))
            }
        }
    }

    @Test("an unknown target is a 404 page; a hostile name in the path is escaped")
    func unknownTarget() async throws {
        let fixture = try await DashboardFixture.empty()
        defer { Task { await fixture.close() } }
        try await Application(router: dashboardRouter(fixture)).test(.router) { client in
            try await client.execute(uri: "/targets/%3Cscript%3Ex", method: .get, headers: Self.cookie(TestTokens.viewer)) { response in
                #expect(response.status == .notFound)
                let body = String(buffer: response.body)
                #expect(body.contains("No target is named &lt;script&gt;x."))
                #expect(!body.contains("<script>"))
            }
        }
    }
}
