import Foundation
import Hummingbird
import LiveRemediation
import Store

/// The dashboard's routes, mounted by the HTTP server on its router: the targets, a target's page, the remediation
/// queue with its decisions, sign-in and sign-out, and the stylesheet. Pages are rendered on the server; a
/// request without a viewer is sent to the sign-in page.
public struct DashboardRoutes<Context: RequestContext>: Sendable {
    let store: Store
    let remediator: @Sendable () async throws -> LiveRemediator?
    let viewer: @Sendable (Request, Context) async -> DashboardViewer?
    let verify: @Sendable (String) async -> DashboardViewer?
    let session = DashboardSession()

    /// Routes over `store`. `remediator` gives the remediator decisions go through (nil when live remediation is
    /// not configured); `viewer` tells who sent a request (nil: nobody signed in); `verify` checks a token typed
    /// into the sign-in form.
    public init(
        store: Store, remediator: @escaping @Sendable () async throws -> LiveRemediator?,
        viewer: @escaping @Sendable (Request, Context) async -> DashboardViewer?,
        verify: @escaping @Sendable (String) async -> DashboardViewer?
    ) {
        self.store = store
        self.remediator = remediator
        self.viewer = viewer
        self.verify = verify
    }

    /// Adds the dashboard's routes to `router`.
    public func register(on router: Router<Context>) {
        router.get("/static/dashboard.css") { _, _ in PageResponse.stylesheet() }
        router.get("/login") { request, context in
            if await viewer(request, context) != nil { return PageResponse.redirect("/") }
            return page(LoginPage().render(), title: "Sign in", section: .none, viewer: nil, request: request)
        }
        router.post("/login") { request, context in try await signIn(request, context) }
        router.post("/logout") { request, context in
            await handle(request, context) {
                try session.checkForm(try await Self.form(request), request: request)
                var response = PageResponse.redirect("/login")
                response.setCookie(DashboardSession.logoutCookie)
                return response
            }
        }
        router.get("/") { request, context in
            await signedIn(request, context) { who in
                page(try await TargetsPage.load(store).render(), title: "Targets", section: .targets, viewer: who, request: request)
            }
        }
        router.get("/targets/:name") { request, context in
            await signedIn(request, context) { who in
                let raw = context.parameters.get("name") ?? ""
                let name = raw.removingPercentEncoding ?? raw
                let filter = FindingFilter(query: FormFields(request.uri.query ?? ""))
                guard let target = try await TargetPage.load(store, name: name, filter: filter) else {
                    throw DashboardError(.notFound, "No target is named \(name).")
                }
                return page(target.render(), title: "Target \(name)", section: .targets, viewer: who, request: request)
            }
        }
        router.get("/remediation") { request, context in
            await signedIn(request, context) { who in
                let query = FormFields(request.uri.query ?? "")
                let queue = try await RemediationQueuePage.load(
                    store, filter: RemediationQueuePage.Filter(query), viewer: who,
                    csrf: session.csrfToken(for: request), notice: Self.notice(query))
                return page(queue.render(), title: "Remediation queue", section: .remediation, viewer: who, request: request)
            }
        }
        for decision in Decision.allCases {
            router.post("/remediation/:id/\(decision.rawValue)") { request, context in
                await signedIn(request, context) { who in try await decide(decision, request, context, viewer: who) }
            }
        }
    }

    // MARK: Handlers

    /// Approve and reject, the two decisions a person makes on a request.
    enum Decision: String, CaseIterable, Sendable {
        case approve, reject
    }

    private func decide(
        _ decision: Decision, _ request: Request, _ context: Context, viewer who: DashboardViewer
    )
        async throws -> Response
    {
        let fields = try await Self.form(request)
        try session.checkForm(fields, request: request)
        guard who.mayDecide else {
            throw DashboardError(.forbidden, "Your role (\(who.role.rawValue)) may not approve or reject requests.")
        }
        guard let id = context.parameters.get("id").flatMap(Int64.init) else {
            throw DashboardError(.notFound, "No such remediation request.")
        }
        let remediator: LiveRemediator?
        do {
            remediator = try await self.remediator()
        } catch {
            throw DashboardError(.unavailable, "Live remediation could not be started.", underlying: error)
        }
        guard let remediator else { throw DashboardError(.unavailable, "Live remediation is not configured.") }
        let back = RemediationQueuePage.Filter(fields).path
        let separator = back.contains("?") ? "&" : "?"
        let reason = "\(decision == .approve ? "approved" : "rejected") in the dashboard"
        do {
            switch decision {
            case .approve: _ = try await remediator.approve(id: id, by: who.name, reason: reason)
            case .reject: _ = try await remediator.reject(id: id, by: who.name, reason: reason)
            }
        } catch let error as LiveRemediationError where error.code == .wrongState {
            return PageResponse.redirect(back + separator + "done=refused&id=\(id)")
        } catch let error as LiveRemediationError where error.code == .notFound {
            throw DashboardError(.notFound, "No remediation request #\(id).", underlying: error)
        } catch let error as StoreError where error.code == .notFound {
            throw DashboardError(.notFound, "No remediation request #\(id).", underlying: error)
        }
        return PageResponse.redirect(back + separator + "done=\(decision == .approve ? "approved" : "rejected")&id=\(id)")
    }

    private func signIn(_ request: Request, _ context: Context) async throws -> Response {
        await handle(request, context) {
            try DashboardSession.checkOrigin(request)
            let fields = try await Self.form(request)
            guard let token = fields.nonEmpty("token") else {
                return page(
                    LoginPage(error: "Enter a token.").render(), title: "Sign in", section: .none, viewer: nil,
                    request: request, status: .badRequest)
            }
            guard await verify(token) != nil else {
                return page(
                    LoginPage(error: "That token is not valid.").render(), title: "Sign in", section: .none,
                    viewer: nil, request: request, status: .unauthorized)
            }
            var response = PageResponse.redirect("/")
            response.setCookie(try DashboardSession.loginCookie(token: token))
            return response
        }
    }

    // MARK: Plumbing

    /// Runs `body` for a signed-in viewer; without one, redirects to the sign-in page.
    private func signedIn(
        _ request: Request, _ context: Context, _ body: @Sendable (DashboardViewer) async throws -> Response
    ) async -> Response {
        guard let who = await viewer(request, context) else { return PageResponse.redirect("/login") }
        return await handle(request, context, viewer: who) { try await body(who) }
    }

    /// Runs `body`; a failure becomes an error page with its status (details go to the log, not the page).
    private func handle(
        _ request: Request, _ context: Context, viewer who: DashboardViewer? = nil,
        _ body: @Sendable () async throws -> Response
    ) async -> Response {
        let failure: DashboardError
        do {
            return try await body()
        } catch let error as DashboardError {
            failure = error
        } catch {
            failure = DashboardError(.storeFailed, "The dashboard could not read its data; see the server log.", underlying: error)
        }
        if failure.code == .storeFailed || failure.code == .unavailable {
            context.logger.error("dashboard: \(failure.description)")
        }
        var body =
            "<h1>\(HTML.escape(Self.heading(failure.code)))</h1>\n<p class=\"error\" role=\"alert\">\(HTML.escape(failure.message))</p>\n"
        body += "<p><a href=\"/\">Back to the targets</a></p>\n"
        return page(
            body, title: Self.heading(failure.code), section: .none, viewer: who, request: request,
            status: HTTPResponse.Status(code: failure.code.status))
    }

    private func page(
        _ main: String, title: String, section: PageLayout.Section, viewer who: DashboardViewer?, request: Request,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        let layout = PageLayout(title: title, section: section, viewer: who, csrf: session.csrfToken(for: request))
        return PageResponse.html(layout.render(main), status: status)
    }

    private static func heading(_ code: DashboardError.Code) -> String {
        switch code {
        case .forbidden, .badRequestOrigin: return "Not allowed"
        case .badForm: return "The form could not be read"
        case .notFound: return "Not found"
        case .wrongState: return "Not possible now"
        case .unavailable: return "Not available"
        case .storeFailed: return "Something went wrong"
        }
    }

    /// The fields of a posted form, at most `FormFields.maxBodyBytes`.
    private static func form(_ request: Request) async throws(DashboardError) -> FormFields {
        guard request.headers[.contentType]?.hasPrefix("application/x-www-form-urlencoded") ?? false else {
            throw DashboardError(.badForm, "Expected a form post.")
        }
        var request = request
        do {
            let body = try await request.collectBody(upTo: FormFields.maxBodyBytes)
            return FormFields(String(buffer: body))
        } catch {
            throw DashboardError(.badForm, "The form is too large.", underlying: error)
        }
    }

    /// The sentence the queue shows after a decision, from the redirect's query.
    private static func notice(_ query: FormFields) -> String? {
        guard let done = query["done"], let id = query["id"].flatMap(Int64.init) else { return nil }
        switch done {
        case "approved": return "Request #\(id) approved."
        case "rejected": return "Request #\(id) rejected."
        case "refused": return "Request #\(id) was not changed: its status does not allow that decision."
        default: return nil
        }
    }
}
