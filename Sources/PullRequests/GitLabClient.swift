import CloudHTTP
import Foundation
import Model

/// GitLab's REST API (v4) for merge requests, on gitlab.com or a self-managed instance.
public struct GitLabClient: PullRequestHost {
    public var provider: PullRequestProvider { .gitlab }
    /// The project: a numeric id or its full path (`group/sub/project`), sent URL-encoded.
    public let repository: String
    private let api: HostAPI

    /// A client for `project`; `apiURL` is the instance (`https://gitlab.com`) with or without `/api/v4`.
    public init(
        project: String, token: String, apiURL: String = PullRequestProvider.gitlab.defaultAPIURL,
        transport: any HTTPTransport = URLSessionTransport(), retry: RetryPolicy = .standard,
        timeout: Duration = .seconds(30)
    ) throws(PullRequestError) {
        guard !project.isEmpty, !project.hasPrefix("/"), !project.hasSuffix("/"), !project.contains(" ") else {
            throw PullRequestError(
                .configuration, "a GitLab project is a numeric id or group/project", api: "GitLab",
                resource: project)
        }
        guard !token.isEmpty else {
            throw PullRequestError(.configuration, "the token is empty", api: "GitLab", resource: project)
        }
        self.repository = project
        let base = try HostAPI.baseURL(apiURL, suffix: "/api/v4", name: "GitLab", resource: project)
        api = HostAPI(
            name: "GitLab", base: base,
            headers: [("PRIVATE-TOKEN", token), ("Accept", "application/json"), ("User-Agent", "bulwark")],
            secret: token, transport: transport, retry: retry, timeout: timeout)
    }

    private var requests: String { "/projects/\(HostAPI.encodeSegment(repository))/merge_requests" }

    private func resource(_ iid: Int?) -> String {
        iid.map { "\(repository) merge request !\($0)" } ?? repository
    }

    /// `POST /projects/:id/merge_requests`.
    public func create(_ draft: PullRequestDraft) async throws(PullRequestError) -> PullRequest {
        let body: Value = .object([
            "source_branch": .string(draft.head), "target_branch": .string(draft.base),
            "title": .string(draft.title), "description": .string(draft.body),
        ])
        let json = try await api.call("POST", requests, body: body, resource: resource(nil) + " source \(draft.head)")
        return try mergeRequest(json, api: "GitLab POST \(requests)")
    }

    /// `GET /projects/:id/merge_requests?source_branch=…&state=all`, newest first.
    public func find(head: String) async throws(PullRequestError) -> [PullRequest] {
        let json = try await api.call(
            "GET", requests,
            query: [
                ("source_branch", head), ("state", "all"),
                ("order_by", "created_at"), ("sort", "desc"), ("per_page", "100"),
            ],
            resource: resource(nil) + " source \(head)")
        return try HostAPI.requests(in: json, head: head, api: "GitLab GET \(requests)", resource: resource(nil)) {
            (item: Value) throws(PullRequestError) -> PullRequest in try mergeRequest(item, api: "GitLab GET \(requests)")
        }
    }

    /// `GET /projects/:id/merge_requests/:iid`.
    public func get(number: Int) async throws(PullRequestError) -> PullRequest {
        let json = try await api.call("GET", "\(requests)/\(number)", resource: resource(number))
        return try mergeRequest(json, api: "GitLab GET \(requests)/\(number)")
    }

    /// `PUT /projects/:id/merge_requests/:iid` with `title` and/or `description`.
    public func update(number: Int, title: String?, body: String?) async throws(PullRequestError) -> PullRequest {
        var fields: [String: Value] = [:]
        if let title { fields["title"] = .string(title) }
        if let body { fields["description"] = .string(body) }
        let json = try await api.call("PUT", "\(requests)/\(number)", body: .object(fields), resource: resource(number))
        return try mergeRequest(json, api: "GitLab PUT \(requests)/\(number)")
    }

    /// `POST /projects/:id/merge_requests/:iid/notes`.
    public func comment(number: Int, body: String) async throws(PullRequestError) {
        _ = try await api.call(
            "POST", "\(requests)/\(number)/notes", body: .object(["body": .string(body)]),
            resource: resource(number))
    }

    /// `GET /projects/:id/merge_requests/:iid/notes`, oldest first, page by page.
    public func comments(number: Int) async throws(PullRequestError) -> [PullRequestComment] {
        let path = "\(requests)/\(number)/notes"
        var found: [PullRequestComment] = []
        for page in 1...maxCommentPages {
            let json = try await api.call(
                "GET", path,
                query: [("sort", "asc"), ("order_by", "created_at"), ("per_page", "100"), ("page", String(page))],
                resource: resource(number))
            let items = try HostAPI.comments(in: json, api: "GitLab GET \(path)", resource: resource(number))
            found += items
            if items.count < 100 { break }
        }
        return found
    }

    /// `PUT /projects/:id/merge_requests/:iid/notes/:note_id`.
    public func editComment(number: Int, id: Int, body: String) async throws(PullRequestError) {
        _ = try await api.call(
            "PUT", "\(requests)/\(number)/notes/\(id)", body: .object(["body": .string(body)]), resource: resource(number))
    }

    /// `POST /projects/:id/statuses/:sha`.
    public func setStatus(_ status: CommitStatus) async throws(PullRequestError) {
        var fields: [String: Value] = [
            "state": .string(status.state.gitlab), "description": .string(status.sentDescription),
            "name": .string(status.context),
        ]
        if let url = status.targetURL { fields["target_url"] = .string(url) }
        let path = "/projects/\(HostAPI.encodeSegment(repository))/statuses/\(HostAPI.encodeSegment(status.sha))"
        _ = try await api.call("POST", path, body: .object(fields), resource: "\(repository) commit \(status.sha.prefix(12))")
    }

    /// GitLab's merge request: `iid`, `web_url`, `state` opened/closed/locked/merged, `source_branch`, `target_branch`.
    private func mergeRequest(_ json: Value, api label: String) throws(PullRequestError) -> PullRequest {
        guard let iid = json["iid"]?.numberValue, iid == iid.rounded(), iid > 0, let state = json["state"]?.stringValue,
            let head = json["source_branch"]?.stringValue
        else {
            throw PullRequestError(
                .malformedResponse, "a merge request needs iid, state and source_branch", api: label,
                resource: repository)
        }
        let mapped: PullRequestState
        switch state {
        case "merged": mapped = .merged
        case "closed": mapped = .closed
        default: mapped = .open  // opened, locked (a locked MR is still open, mid-merge)
        }
        return PullRequest(
            number: Int(iid), url: json["web_url"]?.stringValue ?? "", state: mapped, head: head,
            base: json["target_branch"]?.stringValue ?? "", title: json["title"]?.stringValue ?? "",
            body: json["description"]?.stringValue ?? "")
    }
}
