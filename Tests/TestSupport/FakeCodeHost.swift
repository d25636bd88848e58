import Foundation

/// A stateful loopback stand-in for GitHub's pull request API and GitLab's merge request API: it keeps the
/// requests it was asked to open, answers in the documented JSON shapes, checks the token header, and records
/// every HTTP request (through `LoopbackHTTPServer`).
public final class FakeCodeHost: @unchecked Sendable {
    // Unchecked: `stored`, `next` and `forcedStatus` are only touched under `lock`.
    /// Which API the fake speaks.
    public enum Flavor: Sendable { case github, gitlab }

    /// One pull/merge request as the fake keeps it.
    public struct Stored: Sendable, Hashable {
        public var number: Int
        public var title: String
        public var body: String
        public var head: String
        public var base: String
        /// `open`, `closed` or `merged`.
        public var state: String
        public var comments: [String]
    }

    /// One commit status as the fake received it.
    public struct Status: Sendable, Hashable {
        public var sha: String
        /// As sent: GitHub pending/success/failure/error, GitLab pending/running/success/failed/canceled.
        public var state: String
        public var description: String
        /// GitHub's `context`, GitLab's `name`.
        public var context: String
    }

    public let flavor: Flavor
    public let token: String
    /// `owner/repo` (GitHub) or the project path (GitLab).
    public let repository: String
    /// Path prefix of the API (`/api/v3` for GitHub Enterprise, `` for github.com; GitLab always uses `/api/v4`).
    public let prefix: String
    private var server: LoopbackHTTPServer?
    private let lock = NSLock()
    private var stored: [Int: Stored] = [:]
    private var next = 1
    private var forcedStatus: Int?
    /// Comment ids of each request, in the order of `Stored.comments`.
    private var commentIDs: [Int: [Int]] = [:]
    private var nextComment = 100
    private var received: [Status] = []

    /// Starts the fake on a free loopback port.
    public init(flavor: Flavor, token: String, repository: String, prefix: String = "") throws {
        self.flavor = flavor
        self.token = token
        self.repository = repository
        self.prefix = prefix
        server = try LoopbackHTTPServer { [weak self] request in
            self?.handle(request) ?? CannedResponse(status: 503, text: "{}")
        }
    }

    deinit { server?.stop() }

    /// The API URL a client is configured with.
    public var apiURL: String { "http://127.0.0.1:\(server?.port ?? 0)\(prefix)" }

    /// Every HTTP request received, in order.
    public var requests: [ReceivedRequest] { server?.requests ?? [] }

    /// Every pull/merge request, by number.
    public var pullRequests: [Stored] { lock.withLock { stored.values.sorted { $0.number < $1.number } } }

    /// Every commit status received, in order.
    public var statuses: [Status] { lock.withLock { received } }

    /// Opens a request as a person would (not through the API); returns its number.
    @discardableResult
    public func open(head: String, base: String, title: String = "change") -> Int {
        lock.withLock {
            stored[next] = Stored(number: next, title: title, body: "", head: head, base: base, state: "open", comments: [])
            next += 1
            return next - 1
        }
    }

    /// Adds a comment as another user would; returns its id.
    @discardableResult
    public func addComment(_ number: Int, body: String) -> Int {
        lock.withLock { addCommentLocked(number, body) }
    }

    private func addCommentLocked(_ number: Int, _ body: String) -> Int {
        nextComment += 1
        stored[number]?.comments.append(body)
        commentIDs[number, default: []].append(nextComment)
        return nextComment
    }

    /// The comments of `number` as `[{id, body}]`, one page (`per_page`, `page`) of them.
    private func commentPage(_ number: Int, _ query: [String: String]) -> CannedResponse {
        lock.withLock {
            guard let pr = stored[number] else { return json(404, ["message": "Not Found"]) }
            let all = zip(commentIDs[number] ?? [], pr.comments).map { ["id": $0.0, "body": $0.1] as [String: Any] }
            let size = max(1, min(100, Int(query["per_page"] ?? "") ?? 20))
            let page = max(1, Int(query["page"] ?? "") ?? 1)
            return json(200, Array(all.dropFirst((page - 1) * size).prefix(size)))
        }
    }

    /// Replaces comment `id` of `number`.
    private func editComment(_ number: Int, _ id: Int, _ body: [String: Any]) -> CannedResponse {
        lock.withLock {
            guard let index = commentIDs[number]?.firstIndex(of: id), let text = body["body"] as? String else {
                return json(404, ["message": "Not Found"])
            }
            stored[number]?.comments[index] = text
            return json(200, ["id": id, "body": text])
        }
    }

    /// Records a commit status if its state is one the host knows.
    private func status(_ sha: String, _ body: [String: Any], states: Set<String>, name: String) -> CannedResponse {
        guard let state = body["state"] as? String, states.contains(state), sha.count == 40 else {
            return json(422, ["message": "Validation Failed"])
        }
        let status = Status(
            sha: sha, state: state, description: body["description"] as? String ?? "", context: body[name] as? String ?? "default")
        lock.withLock { received.append(status) }
        return json(201, ["id": 1, "state": state, "description": status.description, name: status.context])
    }

    /// Changes a request's state as a person would (close, merge, reopen).
    public func setState(_ number: Int, _ state: String) {
        lock.withLock { stored[number]?.state = state }
    }

    /// Answers every following call with `status` (nil: normal behaviour again).
    public func force(status: Int?) {
        lock.withLock { forcedStatus = status }
    }

    private func handle(_ request: ReceivedRequest) -> CannedResponse {
        let authorized: Bool
        switch flavor {
        case .github: authorized = request.header("Authorization") == "Bearer \(token)"
        case .gitlab: authorized = request.header("PRIVATE-TOKEN") == token
        }
        guard authorized else {
            return json(401, flavor == .github ? ["message": "Bad credentials"] : ["message": "401 Unauthorized"])
        }
        if let status = lock.withLock({ forcedStatus }) { return json(status, ["message": "forced failure"]) }
        let body = (try? JSONSerialization.jsonObject(with: request.body)) as? [String: Any] ?? [:]
        switch flavor {
        case .github: return github(request, body)
        case .gitlab: return gitlab(request, body)
        }
    }

    private func github(_ request: ReceivedRequest, _ body: [String: Any]) -> CannedResponse {
        let pulls = "\(prefix)/repos/\(repository)/pulls"
        let issues = "\(prefix)/repos/\(repository)/issues/"
        let path = request.path
        let query = Self.query(request.target)
        switch (request.method, path) {
        case ("POST", pulls):
            guard let head = body["head"] as? String, let base = body["base"] as? String, let title = body["title"] as? String else {
                return json(422, ["message": "Validation Failed"])
            }
            return lock.withLock {
                if stored.values.contains(where: { $0.head == head && $0.state == "open" }) {
                    return json(
                        422,
                        [
                            "message": "Validation Failed",
                            "errors": [["message": "A pull request already exists for \(head)."]],
                        ])
                }
                let pr = Stored(
                    number: next, title: title, body: body["body"] as? String ?? "", head: head, base: base,
                    state: "open", comments: [])
                stored[next] = pr
                next += 1
                return json(201, githubJSON(pr))
            }
        case ("GET", pulls):
            let owner = repository.split(separator: "/").first.map(String.init) ?? ""
            let head = query["head"].map { $0.hasPrefix(owner + ":") ? String($0.dropFirst(owner.count + 1)) : "\u{0}" }
            let state = query["state"] ?? "open"
            let items = lock.withLock { stored.values.sorted { $0.number > $1.number } }.filter { pr in
                (head == nil || pr.head == head) && (state == "all" || (state == "open") == (pr.state == "open"))
            }
            return json(200, items.map(githubJSON))
        default:
            break
        }
        if path.hasPrefix(pulls + "/"), let number = Int(path.dropFirst(pulls.count + 1)) {
            return lock.withLock {
                guard var pr = stored[number] else { return json(404, ["message": "Not Found"]) }
                if request.method == "PATCH" {
                    if let title = body["title"] as? String { pr.title = title }
                    if let text = body["body"] as? String { pr.body = text }
                    stored[number] = pr
                }
                return json(200, githubJSON(pr))
            }
        }
        let statuses = "\(prefix)/repos/\(repository)/statuses/"
        if request.method == "POST", path.hasPrefix(statuses) {
            return status(
                String(path.dropFirst(statuses.count)), body, states: ["pending", "success", "failure", "error"], name: "context")
        }
        if request.method == "PATCH", path.hasPrefix(issues + "comments/"), let id = Int(path.dropFirst(issues.count + 9)) {
            let number = lock.withLock { commentIDs.first { $0.value.contains(id) }?.key } ?? 0
            return editComment(number, id, body)
        }
        if path.hasPrefix(issues), path.hasSuffix("/comments"),
            let number = Int(path.dropFirst(issues.count).dropLast("/comments".count))
        {
            if request.method == "GET" { return commentPage(number, query) }
            return lock.withLock {
                guard stored[number] != nil else { return json(404, ["message": "Not Found"]) }
                let id = addCommentLocked(number, body["body"] as? String ?? "")
                return json(201, ["id": id, "body": body["body"] as? String ?? ""])
            }
        }
        return json(404, ["message": "Not Found"])
    }

    private func gitlab(_ request: ReceivedRequest, _ body: [String: Any]) -> CannedResponse {
        let encoded = repository.replacingOccurrences(of: "/", with: "%2F")
        let requests = "/api/v4/projects/\(encoded)/merge_requests"
        let path = request.path
        let query = Self.query(request.target)
        switch (request.method, path) {
        case ("POST", requests):
            guard let head = body["source_branch"] as? String, let base = body["target_branch"] as? String,
                let title = body["title"] as? String
            else {
                return json(400, ["message": ["source_branch": ["is missing"]]])
            }
            return lock.withLock {
                if let other = stored.values.first(where: { $0.head == head && $0.state == "open" }) {
                    return json(409, ["message": ["Another open merge request already exists for this source branch: !\(other.number)"]])
                }
                let mr = Stored(
                    number: next, title: title, body: body["description"] as? String ?? "", head: head, base: base,
                    state: "open", comments: [])
                stored[next] = mr
                next += 1
                return json(201, gitlabJSON(mr))
            }
        case ("GET", requests):
            let state = query["state"] ?? "all"
            let items = lock.withLock { stored.values.sorted { $0.number > $1.number } }.filter { mr in
                (query["source_branch"] == nil || mr.head == query["source_branch"])
                    && (state == "all" || Self.gitlabState(mr.state) == state)
            }
            return json(200, items.map(gitlabJSON))
        default:
            break
        }
        let statuses = "/api/v4/projects/\(encoded)/statuses/"
        if request.method == "POST", path.hasPrefix(statuses) {
            return status(
                String(path.dropFirst(statuses.count)), body, states: ["pending", "running", "success", "failed", "canceled"],
                name: "name")
        }
        let rest = path.hasPrefix(requests + "/") ? String(path.dropFirst(requests.count + 1)) : ""
        let parts = rest.split(separator: "/")
        guard let first = parts.first, let iid = Int(first) else { return json(404, ["message": "404 Not found"]) }
        if parts.count == 2, parts[1] == "notes", request.method == "GET" { return commentPage(iid, query) }
        if parts.count == 3, parts[1] == "notes", request.method == "PUT", let id = Int(parts[2]) {
            return editComment(iid, id, body)
        }
        return lock.withLock {
            guard var mr = stored[iid] else { return json(404, ["message": "404 Not found"]) }
            if parts.count == 2, parts[1] == "notes", request.method == "POST" {
                let id = addCommentLocked(iid, body["body"] as? String ?? "")
                return json(201, ["id": id, "body": body["body"] as? String ?? ""])
            }
            if request.method == "PUT" {
                if let title = body["title"] as? String { mr.title = title }
                if let text = body["description"] as? String { mr.body = text }
                stored[iid] = mr
            }
            return json(200, gitlabJSON(mr))
        }
    }

    private func githubJSON(_ pr: Stored) -> [String: Any] {
        let owner = repository.split(separator: "/").first.map(String.init) ?? ""
        return [
            "number": pr.number, "id": 1000 + pr.number, "html_url": "https://github.example/\(repository)/pull/\(pr.number)",
            "state": pr.state == "open" ? "open" : "closed", "merged": pr.state == "merged",
            "merged_at": pr.state == "merged" ? "2026-11-24T12:00:00Z" : NSNull(), "title": pr.title, "body": pr.body,
            "head": ["ref": pr.head, "label": "\(owner):\(pr.head)", "sha": "0000000000000000000000000000000000000000"],
            "base": ["ref": pr.base],
        ]
    }

    private func gitlabJSON(_ mr: Stored) -> [String: Any] {
        [
            "iid": mr.number, "id": 5000 + mr.number, "web_url": "https://gitlab.example/\(repository)/-/merge_requests/\(mr.number)",
            "state": Self.gitlabState(mr.state), "title": mr.title, "description": mr.body, "source_branch": mr.head,
            "target_branch": mr.base,
        ]
    }

    private static func gitlabState(_ state: String) -> String { state == "open" ? "opened" : state }

    private func json(_ status: Int, _ object: Any) -> CannedResponse {
        let data = (try? JSONSerialization.data(withJSONObject: object)) ?? Data("{}".utf8)
        return CannedResponse(status: status, headers: [("Content-Type", "application/json")], body: data)
    }

    /// The query string's parameters, percent-decoded.
    public static func query(_ target: String) -> [String: String] {
        guard let mark = target.firstIndex(of: "?") else { return [:] }
        var out: [String: String] = [:]
        for pair in target[target.index(after: mark)...].split(separator: "&") {
            let kv = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
            out[kv[0]] = kv.count > 1 ? kv[1] : ""
        }
        return out
    }
}
