import CloudHTTP
import Foundation
import Model

/// The HTTP side shared by the GitHub and GitLab clients: auth headers, JSON bodies, retries through CloudHTTP's
/// policy, and statuses turned into `PullRequestError`s with the token scrubbed from anything echoed back.
struct HostAPI: Sendable {
    /// `GitHub` or `GitLab`, the first word of every error's `api`.
    let name: String
    /// The API root without a trailing slash (`https://api.github.com`, `https://gitlab.example/api/v4`).
    let base: String
    let headers: [(String, String)]
    /// Kept only to scrub it from error text a server might echo.
    let secret: String
    let transport: any HTTPTransport
    let retry: RetryPolicy
    let timeout: Duration

    /// Largest error text kept from a response body.
    static let maxMessageLength = 300

    /// Validates the API URL; `resource` names the repository in configuration errors.
    static func baseURL(_ text: String, suffix: String, name: String, resource: String) throws(PullRequestError) -> String {
        var trimmed = text.trimmingCharacters(in: .whitespaces)
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http",
            url.host != nil, url.user == nil, url.query == nil
        else {
            throw PullRequestError(
                .configuration, "the API URL must be an http(s) URL without user info or query",
                api: name, resource: resource)
        }
        return trimmed.hasSuffix(suffix) ? trimmed : trimmed + suffix
    }

    /// Sends one call; `path` starts with `/` and has its segments already encoded. Returns the decoded JSON body
    /// (`.null` for an empty one).
    func call(
        _ method: String, _ path: String, query: [(String, String)] = [], body: Value? = nil,
        resource: String
    ) async throws(PullRequestError) -> Value {
        let label = "\(name) \(method) \(Self.template(path))"
        var text = base + path
        if !query.isEmpty {
            text += "?" + query.map { Self.encodeQuery($0.0) + "=" + Self.encodeQuery($0.1) }.joined(separator: "&")
        }
        guard let url = URL(string: text) else {
            throw PullRequestError(.configuration, "cannot form a URL for \(path)", api: label, resource: resource)
        }
        var request = HTTPRequest(method: method, url: url, headers: headers, api: label)
        if let body {
            do {
                request.body = try JSONBody.encode(body)
            } catch {
                throw PullRequestError(
                    .configuration, "cannot encode the request body", api: label, resource: resource,
                    underlying: error)
            }
            request.setHeader("Content-Type", "application/json")
        }
        let response: HTTPResponse
        do {
            (response, _) = try await retry.send(request, via: transport, timeout: timeout, isRetryable: Self.isRateLimited)
        } catch let error as HTTPError {
            throw PullRequestError(
                .transport, scrub(error.description), api: label, resource: resource, status: error.status,
                underlying: error)
        } catch {
            throw PullRequestError(
                .transport, error is CancellationError ? "cancelled" : scrub("\(error)"), api: label,
                resource: resource, underlying: error)
        }
        guard response.isSuccess else {
            throw PullRequestError(
                Self.code(for: response), errorMessage(response), api: label, resource: resource,
                status: response.status)
        }
        if JSONBody.isBlank(response.body) { return .null }
        do {
            return try JSONBody.decode(response.body)
        } catch {
            throw PullRequestError(
                .malformedResponse, "the response body is not JSON", api: label, resource: resource,
                status: response.status, underlying: error)
        }
    }

    /// The requests of a list answer that come from `head`, newest first. The hosts filter by branch already;
    /// checking again keeps a lenient server from handing over a request for another branch.
    static func requests(
        in json: Value, head: String, api: String, resource: String,
        _ parse: (Value) throws(PullRequestError) -> PullRequest
    ) throws(PullRequestError) -> [PullRequest] {
        guard let items = json.elements else {
            throw PullRequestError(.malformedResponse, "expected an array", api: api, resource: resource)
        }
        var found: [PullRequest] = []
        for item in items {
            let request = try parse(item)
            if request.head == head { found.append(request) }
        }
        return found.sorted { $0.number > $1.number }
    }

    /// The comments of a list answer (`id` and `body` of each, GitHub's issue comments and GitLab's notes alike).
    static func comments(in json: Value, api: String, resource: String) throws(PullRequestError) -> [PullRequestComment] {
        guard let items = json.elements else {
            throw PullRequestError(.malformedResponse, "expected an array", api: api, resource: resource)
        }
        var found: [PullRequestComment] = []
        for item in items {
            guard let id = item["id"]?.numberValue, id == id.rounded(), id > 0, id < 9e15 else {
                throw PullRequestError(.malformedResponse, "a comment needs a numeric id", api: api, resource: resource)
            }
            found.append(PullRequestComment(id: Int(id), body: item["body"]?.stringValue ?? ""))
        }
        return found
    }

    /// GitHub answers an exhausted rate limit with 403 and `x-ratelimit-remaining: 0` (or a Retry-After); both wait.
    static func isRateLimited(_ response: HTTPResponse) -> Bool {
        response.status == 403 && (response.header("x-ratelimit-remaining") == "0" || response.header("Retry-After") != nil)
    }

    static func code(for response: HTTPResponse) -> PullRequestError.Code {
        switch response.status {
        case 401: return .unauthorized
        case 403: return isRateLimited(response) ? .rateLimited : .forbidden
        case 404: return .notFound
        case 409, 422: return .rejected
        case 429: return .rateLimited
        default: return .httpStatus
        }
    }

    /// The host's own explanation (`message`, `error`, GitHub's `errors[].message`), scrubbed and shortened.
    func errorMessage(_ response: HTTPResponse) -> String {
        var parts: [String] = []
        if let json = try? JSONBody.decode(response.body) {
            for key in ["message", "error", "error_description"] {
                guard let value = json[key] else { continue }
                parts.append(value.stringValue ?? Self.flatten(value))
            }
            for item in json["errors"]?.elements ?? [] {
                parts.append(item["message"]?.stringValue ?? item.stringValue ?? Self.flatten(item))
            }
        }
        let text = parts.filter { !$0.isEmpty }.joined(separator: "; ")
        let message = text.isEmpty ? "the host answered HTTP \(response.status)" : text
        return String(scrub(message).prefix(Self.maxMessageLength))
    }

    /// Replaces the token wherever it appears.
    func scrub(_ text: String) -> String {
        secret.isEmpty ? text : text.replacingOccurrences(of: secret, with: "***")
    }

    /// GitLab's validation errors are objects of lists (`{"source_branch": ["is invalid"]}`).
    static func flatten(_ value: Value) -> String {
        switch value {
        case .list(let items), .tuple(let items), .set(let items): return items.map(flatten).joined(separator: ", ")
        case .object(let members), .map(let members):
            return members.keys.sorted().map { "\($0) \(members[$0].map(flatten) ?? "")" }.joined(separator: "; ")
        default: return value.stringValue ?? value.description
        }
    }

    /// The path as people read it (`group%2Fproject` → `group/project`); paths carry no secrets.
    static func template(_ path: String) -> String { path.removingPercentEncoding ?? path }

    /// One path segment, `/` included in the escape (GitLab's `group%2Fproject`).
    static func encodeSegment(_ text: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    static func encodeQuery(_ text: String) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+?/")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
