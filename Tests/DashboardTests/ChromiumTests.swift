import Foundation
import Hummingbird
import Store
import TestSupport
import Testing

@testable import Dashboard

/// The dashboard in a real browser: Debian's chromium, headless, against the routes served on loopback.
@Suite("Dashboard in headless Chromium", .serialized)
struct ChromiumTests {
    /// Runs `body` with a seeded store, its dashboard on loopback and a signed-out browser tab.
    static func withBrowser(
        _ body: (DashboardFixture, [Int64], LoopbackDashboard, HeadlessChromium.Page) async throws -> Void
    ) async throws {
        let (fixture, ids) = try await DashboardFixture.seeded()
        let server = try await LoopbackDashboard.start(dashboardRouter(fixture))
        let browser: HeadlessChromium
        do {
            browser = try HeadlessChromium()
        } catch {
            await server.stop()
            await fixture.close()
            throw error
        }
        do {
            try await body(fixture, ids, server, try await browser.newPage())
        } catch {
            Issue.record("chromium log:\n\(browser.log().suffix(4000))")
            await browser.close()
            await server.stop()
            await fixture.close()
            throw error
        }
        await browser.close()
        await server.stop()
        await fixture.close()
    }

    static func signIn(_ page: HeadlessChromium.Page, _ server: LoopbackDashboard, token: String) async throws {
        try await page.navigate(server.base + "/")
        #expect(try await page.text("location.pathname") == "/login")
        try await page.type("#token", token)
        try await page.click("form.login button[type=submit]")
        let path = try await page.text("location.pathname")
        let text = try await page.text("document.body.innerText")
        #expect(path == "/", "signed in on \(path): \(text)")
    }

    /// Counts what the CSP would block or an inline handler would run: scripts, `on…` attributes, `style`
    /// attributes and `javascript:` links in the page as the browser parsed it.
    static func inlineCode(_ page: HeadlessChromium.Page) async throws -> Int {
        try await page.evaluate(
            "document.querySelectorAll('script, [style], a[href^=\"javascript:\"]').length + "
                + "[...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length"
        ) as? Int ?? -1
    }

    @Test("an approver signs in, sees every page, and approves a request by clicking its button")
    func approveThroughThePage() async throws {
        try await Self.withBrowser { fixture, ids, server, page in
            try await page.navigate(server.base + "/login")
            try await page.screenshot(to: Screenshots.path("login"))
            try await Self.signIn(page, server, token: TestTokens.approver)
            #expect(try await page.text("document.querySelector('header .who').textContent").contains("alice"))
            // The session is an HttpOnly cookie: the page's script cannot read it.
            #expect(try await page.text("document.cookie") == "")
            #expect(try await Self.inlineCode(page) == 0)
            try await page.screenshot(to: Screenshots.path("targets"))

            try await page.click("a[href='/targets/prod']")
            #expect(try await page.text("document.querySelector('h1').textContent") == "Target prod")
            #expect(try await Self.inlineCode(page) == 0)
            #expect(try await page.text("document.body.innerHTML").contains("&lt;script&gt;alert("))
            try await page.screenshot(to: Screenshots.path("target-prod"))

            try await page.navigate(server.base + "/remediation")
            #expect(try await Self.inlineCode(page) == 0)
            try await page.screenshot(to: Screenshots.path("remediation-approver"))
            let id = ids[0]
            try await page.click("button[aria-label='Approve request \(id)']")
            #expect(try await page.text("document.querySelector('[role=status]').textContent") == "Request #\(id) approved.")
            try await page.screenshot(to: Screenshots.path("remediation-approved"))

            let record = try await fixture.store.remediation(id: id)
            #expect(record?.status == .approved)
            let trail = try await fixture.store.auditEvents(remediationID: id)
            #expect(trail.map(\.actor) == ["bulwark", "alice"])
            #expect(trail.last?.detail == "approved in the dashboard")
            // The other request was not touched.
            #expect(try await fixture.store.remediation(id: ids[1])?.status == .proposed)
        }
    }

    @Test("a viewer sees the queue without buttons, and the keyboard reaches the skip link first")
    func viewerAndKeyboard() async throws {
        try await Self.withBrowser { fixture, ids, server, page in
            try await Self.signIn(page, server, token: TestTokens.viewer)
            try await page.navigate(server.base + "/remediation")
            #expect(try await page.evaluate("document.querySelectorAll('form.decision').length") as? Int == 0)
            #expect(try await page.text("document.querySelector('tbody').textContent").contains("#\(ids[0])"))
            try await page.screenshot(to: Screenshots.path("remediation-viewer"))
            try await page.press("Tab", code: 9)
            #expect(try await page.text("document.activeElement.textContent") == "Skip to content")
            try await page.press("Tab", code: 9)
            #expect(try await page.text("document.activeElement.getAttribute('href')") == "/")
            #expect(try await fixture.store.remediation(id: ids[0])?.status == .proposed)
        }
    }

    @Test("the target page prints without navigation or forms")
    func printLayout() async throws {
        try await Self.withBrowser { _, _, server, page in
            try await Self.signIn(page, server, token: TestTokens.viewer)
            try await page.navigate(server.base + "/targets/prod")
            #expect(try await page.text("getComputedStyle(document.querySelector('form.filters')).display") != "none")
            try await page.emulatePrint(true)
            #expect(try await page.text("getComputedStyle(document.querySelector('form.filters')).display") == "none")
            #expect(try await page.text("getComputedStyle(document.querySelector('header nav')).display") == "none")
            try await page.screenshot(to: Screenshots.path("target-prod-print"))
        }
    }
}
