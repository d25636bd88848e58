import Crypto
import Foundation
import Hummingbird

/// `/hooks/github` and `/hooks/gitlab`: signed deliveries from the code host. A push to a target's branch queues an
/// immediate cycle of it; a pull/merge request opened or pushed to queues its scan; other events are acknowledged
/// and ignored. Unsigned, wrongly signed, replayed, oversized
/// and flooding deliveries do nothing.
struct WebhookRoutes {
    struct Outcome: Encodable, Sendable {
        /// accepted, ignored or duplicate.
        var outcome: String
        var reason: String?
        var targets: [String] = []
        var cycleIds: [String] = []
    }

    enum Provider: String {
        case github, gitlab
    }

    let environment: ServerEnvironment
    let metrics: ServerMetrics
    let deliveries: DeliveryGuard

    func register(on router: Router<ServerContext>) {
        router.post("hooks/github") { request, context in try await receive(.github, request, context) }
        router.post("hooks/gitlab") { request, context in try await receive(.gitlab, request, context) }
    }

    func receive(_ provider: Provider, _ request: Request, _ context: ServerContext) async throws -> Response {
        do {
            let (status, outcome) = try await handle(provider, request, context)
            metrics.webhook(provider: provider.rawValue, outcome: outcome.outcome)
            return try JSONBody.response(outcome, status: status)
        } catch let error as APIError {
            metrics.webhook(provider: provider.rawValue, outcome: error.code == .tooManyRequests ? "limited" : "rejected")
            throw error
        }
    }

    func handle(_ provider: Provider, _ request: Request, _ context: ServerContext) async throws -> (HTTPResponse.Status, Outcome) {
        guard deliveries.admit(source: context.remoteAddress) else {
            throw APIError(.tooManyRequests, "too many deliveries from this address; retry in a minute")
        }
        let body = try await JSONBody.collect(request, limit: environment.bodyLimit)
        guard let payload = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] else {
            throw APIError(.badRequest, "the body is not a JSON object", field: "body")
        }
        let repositories = Self.repositoryURLs(provider, payload).map(Self.normalized)
        let candidates = environment.targets.filter { repositories.contains(Self.normalized($0.repository)) }
        let verified = candidates.filter { target in
            guard let secret = target.webhookSecret else { return false }
            switch provider {
            case .github: return WebhookSignature.github(header: request.headers[.init("X-Hub-Signature-256")!], body: body, secret: secret)
            case .gitlab: return WebhookSignature.gitlab(header: request.headers[.init("X-Gitlab-Token")!], secret: secret)
            }
        }
        // The same answer for an unknown repository, a target without a secret and a wrong signature: a sender
        // without the secret learns nothing about what is configured.
        guard !verified.isEmpty else { throw APIError(.unauthorized, "the delivery's signature does not match") }
        let deliveryHeader = provider == .github ? "X-GitHub-Delivery" : "X-Gitlab-Event-UUID"
        let delivery =
            request.headers[.init(deliveryHeader)!].map { "\(provider.rawValue):\($0)" }
            ?? "\(provider.rawValue):body:\(TokenSecret.base64URL(Array(SHA256.hash(data: body))))"
        guard deliveries.firstSeen(delivery) else {
            return (.accepted, Outcome(outcome: "duplicate", reason: "this delivery was already received"))
        }
        let event = request.headers[.init(provider == .github ? "X-GitHub-Event" : "X-Gitlab-Event")!] ?? ""
        if event == "pull_request" || event == "Merge Request Hook" {
            return try await pullRequest(provider, payload, verified: verified, delivery: delivery)
        }
        guard event == "push" || event == "Push Hook" else {
            return (.accepted, Outcome(outcome: "ignored", reason: "event \(event.prefix(64)) is not acted on"))
        }
        let ref = payload["ref"] as? String ?? ""
        let pushed = verified.filter { ref == "refs/heads/\($0.branch)" }
        guard !pushed.isEmpty, let cycles = environment.cycles else {
            return (.accepted, Outcome(outcome: "ignored", reason: "the push is not to a reconciled branch"))
        }
        var outcome = Outcome(outcome: "accepted")
        for target in pushed {
            let (id, queued) = cycles.request(target.name)
            outcome.targets.append(target.name)
            outcome.cycleIds.append(id)
            if queued {
                try await audit(
                    environment.store, caller: "webhook:\(provider.rawValue)", action: "reconcile", subject: target.name,
                    detail: "push \(ref) delivery \(delivery.prefix(100))")
            }
        }
        return (.accepted, outcome)
    }

    /// A pull/merge request opened, reopened or pushed to: queues a scan of it for each verified target that
    /// reports pull request scans; the scan runs after the answer.
    func pullRequest(
        _ provider: Provider, _ payload: [String: Any], verified: [ServerEnvironment.Target], delivery: String
    ) async throws -> (HTTPResponse.Status, Outcome) {
        let parsedEvent: PullRequestEvent
        switch try provider == .github ? PullRequestEvent.github(payload) : PullRequestEvent.gitlab(payload) {
        case .ignored(let reason): return (.accepted, Outcome(outcome: "ignored", reason: reason))
        case .scan(let event): parsedEvent = event
        }
        guard let scans = environment.pullRequestScans else {
            return (.accepted, Outcome(outcome: "ignored", reason: "this server runs no pull request scans"))
        }
        let scanned = verified.filter { scans.targets.contains($0.name) }
        guard !scanned.isEmpty else {
            return (
                .accepted,
                Outcome(outcome: "ignored", reason: "no target of this repository has a code host for pull request scans")
            )
        }
        var outcome = Outcome(
            outcome: "accepted", reason: "request \(parsedEvent.number) head \(parsedEvent.headSHA.prefix(12)) queued for a scan")
        let metrics = self.metrics
        for target in scanned {
            var event = parsedEvent
            event.target = target.name
            let admission = await scans.submit(event) { result in metrics.pullRequestScan(result: result) }
            guard admission != .full else {
                throw APIError(.tooManyRequests, "too many pull request scans are waiting; redeliver later")
            }
            outcome.targets.append(target.name)
            try await audit(
                environment.store, caller: "webhook:\(provider.rawValue)", action: "pull-request-scan", subject: target.name,
                detail: "request \(event.number) head \(event.headSHA) delivery \(delivery.prefix(100))")
        }
        return (.accepted, outcome)
    }

    /// The repository addresses a payload names (GitHub `repository`, GitLab `project`).
    static func repositoryURLs(_ provider: Provider, _ payload: [String: Any]) -> [String] {
        let keys =
            provider == .github ? ["clone_url", "html_url", "ssh_url", "git_url"] : ["git_http_url", "git_ssh_url", "web_url"]
        guard let repository = payload[provider == .github ? "repository" : "project"] as? [String: Any] else { return [] }
        return keys.compactMap { repository[$0] as? String }
    }

    /// `host/path` of a Git address, lower-cased, without scheme, user, `.git` or trailing slash, so the HTTPS and
    /// SSH forms of one repository compare equal.
    static func normalized(_ url: String) -> String {
        var text = url.lowercased()
        if let scheme = text.range(of: "://") { text = String(text[scheme.upperBound...]) }
        if let at = text.firstIndex(of: "@"), text[..<at].allSatisfy({ $0 != "/" }) { text = String(text[text.index(after: at)...]) }
        if !url.contains("://"), let colon = text.firstIndex(of: ":") { text.replaceSubrange(colon...colon, with: "/") }
        while text.hasSuffix("/") { text.removeLast() }
        if text.hasSuffix(".git") { text.removeLast(4) }
        return text
    }
}
