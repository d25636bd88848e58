import CloudHTTP
import Foundation
import Model

/// GitHub's REST API for pull requests (github.com or GitHub Enterprise Server's `https://HOST/api/v3`).
public struct GitHubClient: PullRequestHost {
    /// The API version pinned in `X-GitHub-Api-Version`.
    public static let apiVersion = "2022-11-28"

    public var provider: PullRequestProvider { .github }
    /// `owner/repo`.
    public let repository: String
    private let owner: String
    private let api: HostAPI

    /// A client for `repository` (`owner/repo`); `apiURL` is `https://api.github.com` or an Enterprise `…/api/v3`.
    public init(
        repository: String, token: String, apiURL: String = PullRequestProvider.github.defaultAPIURL,
        transport: any HTTPTransport = URLSessionTransport(), retry: RetryPolicy = .standard,
        timeout: Duration = .seconds(30)
    ) throws(PullRequestError) {
        let parts = repository.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && !$0.contains(" ") }) else {
            throw PullRequestError(
                .configuration, "a GitHub repository is written owner/repo", api: "GitHub",
                resource: repository)
        }
        guard !token.isEmpty else {
            throw PullRequestError(.configuration, "the token is empty", api: "GitHub", resource: repository)
        }
        self.repository = repository
        self.owner = String(parts[0])
        let base = try HostAPI.baseURL(apiURL, suffix: "", name: "GitHub", resource: repository)
        api = HostAPI(
            name: "GitHub", base: base,
            headers: [
                ("Authorization", "Bearer \(token)"), ("Accept", "application/vnd.github+json"),
                ("X-GitHub-Api-Version", Self.apiVersion), ("User-Agent", "bulwark"),
            ],
            secret: token, transport: transport, retry: retry, timeout: timeout)
    }

    private var pulls: String {
        "/repos/" + repository.split(separator: "/").map { HostAPI.encodeSegment(String($0)) }.joined(separator: "/") + "/pulls"
    }

    private func resource(_ number: Int?) -> String {
        number.map { "\(repository) pull request #\($0)" } ?? repository
    }

    /// `POST /repos/{owner}/{repo}/pulls`.
    public func create(_ draft: PullRequestDraft) async throws(PullRequestError) -> PullRequest {
        let body: Value = .object([
            "title": .string(draft.title), "body": .string(draft.body), "head": .string(draft.head),
            "base": .string(draft.base), "maintainer_can_modify": .bool(true),
        ])
        let json = try await api.call("POST", pulls, body: body, resource: resource(nil) + " head \(draft.head)")
        return try pullRequest(json, api: "GitHub POST \(pulls)")
    }

    /// `GET /repos/{owner}/{repo}/pulls?head=owner:branch&state=all`, newest first.
    public func find(head: String) async throws(PullRequestError) -> [PullRequest] {
        let json = try await api.call(
            "GET", pulls,
            query: [
                ("head", "\(owner):\(head)"), ("state", "all"),
                ("sort", "created"), ("direction", "desc"), ("per_page", "100"),
            ],
            resource: resource(nil) + " head \(head)")
        return try HostAPI.requests(in: json, head: head, api: "GitHub GET \(pulls)", resource: resource(nil)) {
            (item: Value) throws(PullRequestError) -> PullRequest in try pullRequest(item, api: "GitHub GET \(pulls)")
        }
    }

    /// `GET /repos/{owner}/{repo}/pulls/{n}`.
    public func get(number: Int) async throws(PullRequestError) -> PullRequest {
        let json = try await api.call("GET", "\(pulls)/\(number)", resource: resource(number))
        return try pullRequest(json, api: "GitHub GET \(pulls)/\(number)")
    }

    /// `PATCH /repos/{owner}/{repo}/pulls/{n}` with `title` and/or `body`.
    public func update(number: Int, title: String?, body: String?) async throws(PullRequestError) -> PullRequest {
        var fields: [String: Value] = [:]
        if let title { fields["title"] = .string(title) }
        if let body { fields["body"] = .string(body) }
        let json = try await api.call("PATCH", "\(pulls)/\(number)", body: .object(fields), resource: resource(number))
        return try pullRequest(json, api: "GitHub PATCH \(pulls)/\(number)")
    }

    /// `POST /repos/{owner}/{repo}/issues/{n}/comments` (pull requests are issues for comments).
    public func comment(number: Int, body: String) async throws(PullRequestError) {
        let path = "\(issues)/\(number)/comments"
        _ = try await api.call("POST", path, body: .object(["body": .string(body)]), resource: resource(number))
    }

    private var issues: String { pulls.replacingOccurrences(of: "/pulls", with: "/issues") }

    /// `GET /repos/{owner}/{repo}/issues/{n}/comments`, page by page.
    public func comments(number: Int) async throws(PullRequestError) -> [PullRequestComment] {
        let path = "\(issues)/\(number)/comments"
        var found: [PullRequestComment] = []
        for page in 1...maxCommentPages {
            let json = try await api.call(
                "GET", path, query: [("per_page", "100"), ("page", String(page))], resource: resource(number))
            let items = try HostAPI.comments(in: json, api: "GitHub GET \(path)", resource: resource(number))
            found += items
            if items.count < 100 { break }
        }
        return found
    }

    /// `PATCH /repos/{owner}/{repo}/issues/comments/{id}`.
    public func editComment(number: Int, id: Int, body: String) async throws(PullRequestError) {
        _ = try await api.call(
            "PATCH", "\(issues)/comments/\(id)", body: .object(["body": .string(body)]), resource: resource(number))
    }

    /// `POST /repos/{owner}/{repo}/statuses/{sha}`.
    public func setStatus(_ status: CommitStatus) async throws(PullRequestError) {
        var fields: [String: Value] = [
            "state": .string(status.state.github), "description": .string(status.sentDescription),
            "context": .string(status.context),
        ]
        if let url = status.targetURL { fields["target_url"] = .string(url) }
        let path = pulls.replacingOccurrences(of: "/pulls", with: "/statuses") + "/" + HostAPI.encodeSegment(status.sha)
        _ = try await api.call("POST", path, body: .object(fields), resource: "\(repository) commit \(status.sha.prefix(12))")
    }

    /// GitHub's pull request object: `number`, `html_url`, `state` open/closed, `merged_at`, `head.ref`, `base.ref`.
    private func pullRequest(_ json: Value, api label: String) throws(PullRequestError) -> PullRequest {
        guard let number = json["number"]?.numberValue, number == number.rounded(), number > 0,
            let state = json["state"]?.stringValue, let head = json["head"]?["ref"]?.stringValue
        else {
            throw PullRequestError(
                .malformedResponse, "a pull request needs number, state and head.ref", api: label,
                resource: repository)
        }
        let merged = json["merged"]?.boolValue == true || (json["merged_at"]?.stringValue.map { !$0.isEmpty } ?? false)
        let mapped: PullRequestState = state == "open" ? .open : (merged ? .merged : .closed)
        return PullRequest(
            number: Int(number), url: json["html_url"]?.stringValue ?? "", state: mapped, head: head,
            base: json["base"]?["ref"]?.stringValue ?? "", title: json["title"]?.stringValue ?? "",
            body: json["body"]?.stringValue ?? "")
    }
}
