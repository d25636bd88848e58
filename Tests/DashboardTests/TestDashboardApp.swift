import Dashboard
import Hummingbird
import LiveRemediation
import Model

/// The tokens the test dashboards accept, and who they sign in.
enum TestTokens {
    static let viewer = "viewer-token-1"
    static let approver = "approver-token-2"

    /// The viewer a token signs in, nil for any other text.
    static func verify(_ token: String?) -> DashboardViewer? {
        switch token {
        case viewer: return DashboardViewer(name: "vera", role: .viewer)
        case approver: return DashboardViewer(name: "alice", role: .approver)
        default: return nil
        }
    }
}

/// A router with the dashboard over the fixture's store: the viewer is whoever the `bulwark_token` cookie names.
func dashboardRouter(_ fixture: DashboardFixture, remediation: Bool = true) -> Router<BasicRequestContext> {
    let router = Router()
    let remediator = fixture.remediator
    DashboardRoutes<BasicRequestContext>(
        store: fixture.store, remediator: { remediation ? remediator : nil },
        viewer: { request, _ in TestTokens.verify(request.cookies["bulwark_token"]?.value) },
        verify: { TestTokens.verify($0) }
    ).register(on: router)
    return router
}
