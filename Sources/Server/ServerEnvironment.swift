import Checks
import Foundation
import LiveRemediation
import Reconciler
import Store

/// What the routes work on: the store, the configured targets, the loop's request queue and the cloud clients
/// a remediation apply needs.
public struct ServerEnvironment: Sendable {
    /// A configured target as the server needs it.
    public struct Target: Sendable, Hashable {
        public var name: String
        public var branch: String
        /// The target's repository (`https://github.com/owner/repo`, `git@…`): webhooks are matched on it.
        public var repository: String
        /// The webhook secret, resolved; nil: the target accepts no webhook.
        public var webhookSecret: String?

        /// Memberwise.
        public init(name: String, branch: String, repository: String, webhookSecret: String? = nil) {
            self.name = name
            self.branch = branch
            self.repository = repository
            self.webhookSecret = webhookSecret
        }
    }

    public var store: Store
    /// Configured targets, in config order.
    public var targets: [Target]
    /// The loop's queue of immediate cycles; nil when no loop runs in this process.
    public var cycles: CycleRequests?
    /// The live remediator with the cloud clients a plan needs (applying sends real calls).
    public var remediator: @Sendable (LivePlan) throws -> LiveRemediator
    /// Display names and versions of the frameworks the check library defines, by id.
    public var frameworks: [String: (name: String, version: String)]
    /// Largest request body accepted (webhooks included).
    public var bodyLimit: Int = 1 << 20
    /// Webhook deliveries accepted per source address per minute.
    public var webhookRatePerMinute: Int = 120
    /// The check library's definitions by id (SARIF rule text).
    public var checks: [String: CheckDefinition] = [:]
    /// Where pull/merge request deliveries go to be scanned; nil: they are acknowledged and ignored.
    public var pullRequestScans: PullRequestScanQueue?
    /// How long a verified token is believed before the store is read again (a token revoked by another process
    /// is refused after at most this long; one revoked through this server's API at once).
    public var tokenRecheck: Duration = .seconds(5)
    /// Bodies of the per-scan routes already written (a stored scan never changes).
    let scanResponses = ScanResponseCache()

    /// An environment over `store` and `targets`; by default applies have no cloud clients.
    public init(
        store: Store, targets: [Target], cycles: CycleRequests? = nil,
        remediator: (@Sendable (LivePlan) throws -> LiveRemediator)? = nil,
        frameworks: [String: (name: String, version: String)] = [:]
    ) {
        self.store = store
        self.targets = targets
        self.cycles = cycles
        self.remediator = remediator ?? { _ in LiveRemediator(store: store, clients: FixClients(), checks: []) }
        self.frameworks = frameworks
    }

    func target(_ name: String) throws -> Target {
        guard let target = targets.first(where: { $0.name == name }) else { throw APIError(.notFound, "no target \(name)") }
        return target
    }
}
