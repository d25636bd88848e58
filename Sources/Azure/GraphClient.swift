import CloudHTTP
import Foundation
import Model

/// Reads Microsoft Graph (v1.0) as the discovery's service principal: its own token for the Graph scope,
/// `@odata.nextLink` paging on the same origin, retries on 429/5xx honouring `Retry-After`, typed errors from Graph's
/// `{"error":{code,message}}` body, and a cap on requests in flight.
public final class GraphClient: Sendable {
    /// The public cloud's Graph endpoint.
    public static let defaultEndpoint = "https://graph.microsoft.com"
    /// The scope of Graph tokens in the public cloud.
    public static let defaultScope = "https://graph.microsoft.com/.default"
    /// The variable that overrides the Graph endpoint (tests, sovereign clouds).
    public static let endpointVariable = "BULWARK_AZURE_GRAPH_ENDPOINT"

    /// The Graph endpoint requests go to.
    public let endpoint: URL
    private let transport: any HTTPTransport
    private let tokens: AzureTokenProvider
    private let retry: RetryPolicy
    private let timeout: Duration
    private let maxPages: Int
    private let gate: ConcurrencyLimiter
    /// Calls and attempts made through this client (labels `GET graph:/v1.0/...`).
    public let counter = ARMCallCounter()

    /// Creates a client; the token is requested from `configuration`'s authority for `scope`.
    public init(
        configuration: AzureConfiguration, endpoint: URL, transport: any HTTPTransport,
        scope: String = GraphClient.defaultScope, retry: RetryPolicy = .standard, timeout: Duration = .seconds(60),
        maxPages: Int = 200, maxConcurrentRequests: Int = 4
    ) {
        var graph = configuration
        graph.scope = scope
        self.endpoint = endpoint
        self.transport = transport
        self.tokens = AzureTokenProvider(configuration: graph, transport: transport, retry: retry)
        self.retry = retry
        self.timeout = timeout
        self.maxPages = max(1, maxPages)
        self.gate = ConcurrencyLimiter(limit: maxConcurrentRequests)
    }

    /// The variable that turns the Graph reads on (`on`, `true`, `1`): the tenant-wide `Policy.Read.All` they need
    /// is granted separately from any Azure RBAC role, so a principal without it is not made to fail by default.
    public static let enableVariable = "BULWARK_AZURE_GRAPH"

    /// Whether `environment` asks for the Graph reads.
    public static func isEnabled(in environment: [String: String]) -> Bool {
        ["on", "true", "1", "yes"].contains((environment[enableVariable] ?? "").lowercased())
    }

    /// The Graph endpoint named by `BULWARK_AZURE_GRAPH_ENDPOINT`, or the public cloud's.
    public static func endpoint(from environment: [String: String]) throws(AzureError) -> URL {
        let raw = environment[endpointVariable].flatMap { $0.isEmpty ? nil : $0 } ?? defaultEndpoint
        guard let url = URL(string: raw), let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http",
            url.host != nil
        else {
            throw AzureError(.configuration, "\(endpointVariable) is not an http(s) URL with a host")
        }
        return url
    }

    /// GETs one object at `path` (`/v1.0/policies/authorizationPolicy`).
    public func get(_ path: String) async throws(AzureError) -> Value {
        let api = "GET graph:\(Self.label(path))"
        return try await call(try url(path, api: api), api: api, resource: path)
    }

    /// GETs the collection at `path`, following `@odata.nextLink` until the last page; returns every `value` item.
    public func list(_ path: String) async throws(AzureError) -> [Value] {
        let api = "LIST graph:\(Self.label(path))"
        var next = try url(path, api: api)
        var seen: Set<String> = [next.absoluteString]
        var items: [Value] = []
        for _ in 0..<maxPages {
            let page = try await call(next, api: api, resource: path)
            guard let values = page["value"]?.elements else {
                throw AzureError(.malformedResponse, "`value` is not an array", api: api, resourceID: path)
            }
            items += values
            guard let link = page["@odata.nextLink"]?.stringValue, !link.isEmpty else { return items }
            guard let linkURL = URL(string: link), linkURL.host?.lowercased() == endpoint.host?.lowercased(),
                linkURL.port == endpoint.port
            else {
                throw AzureError(
                    .foreignNextLink, "@odata.nextLink does not point at the Graph endpoint", api: api, resourceID: path)
            }
            guard seen.insert(linkURL.absoluteString).inserted else {
                throw AzureError(.pagingLoop, "@odata.nextLink repeats a page already read", api: api, resourceID: path)
            }
            next = linkURL
        }
        throw AzureError(.pagingLoop, "more than \(maxPages) pages", api: api, resourceID: path)
    }

    /// The path without its query, as the API label.
    static func label(_ path: String) -> String {
        String(path.split(separator: "?", maxSplits: 1).first ?? Substring(path))
    }

    private func url(_ path: String, api: String) throws(AzureError) -> URL {
        let base = endpoint.absoluteString.hasSuffix("/") ? String(endpoint.absoluteString.dropLast()) : endpoint.absoluteString
        guard path.hasPrefix("/"), let url = URL(string: base + path) else {
            throw AzureError(.configuration, "cannot form a Graph URL for \(path)", api: api, resourceID: path)
        }
        return url
    }

    private func call(_ url: URL, api: String, resource: String) async throws(AzureError) -> Value {
        do {
            for attempt in 1...2 {
                let token = try await tokens.token()
                var request = HTTPRequest(method: "GET", url: url, api: api)
                request.setHeader("Authorization", "Bearer \(token.token.reveal)")
                request.setHeader("Accept", "application/json")
                let (response, attempts) = try await gate.withSlot("graph") { [retry, transport, timeout, request] in
                    try await retry.send(request, via: transport, timeout: timeout)
                }
                await counter.record(api, attempts: attempts)
                if response.status == 401, attempt == 1 {
                    await tokens.invalidate()
                    continue
                }
                return try decode(response, api: api, resource: resource)
            }
        } catch let error as AzureError {
            throw error
        } catch let error as HTTPError {
            throw AzureError(
                error.code == .deadlineExceeded ? .deadlineExceeded : .transport, "\(error.code): \(error.message)",
                api: api, resourceID: resource, httpStatus: error.status, underlying: error)
        } catch {
            throw AzureError(.transport, "\(error)", api: api, resourceID: resource, underlying: error)
        }
        throw AzureError(
            .authenticationFailed, "Graph rejected a freshly issued token", api: api, resourceID: resource,
            httpStatus: 401)
    }

    private func decode(_ response: HTTPResponse, api: String, resource: String) throws(AzureError) -> Value {
        let requestID = response.header("request-id") ?? response.header("client-request-id")
        let body = try? JSONBody.decode(response.body)
        guard response.isSuccess else {
            if let error = body?["error"], let code = error["code"]?.stringValue {
                throw AzureError(
                    .armError, error["message"]?.stringValue ?? "", armCode: code, api: api, resourceID: resource,
                    httpStatus: response.status, requestID: requestID)
            }
            throw AzureError(
                .httpStatus, "HTTP \(response.status) without a Graph error body", api: api, resourceID: resource,
                httpStatus: response.status, requestID: requestID)
        }
        guard let body, body.members != nil else {
            throw AzureError(
                .malformedResponse, "response body is not a JSON object", api: api, resourceID: resource,
                httpStatus: response.status, requestID: requestID)
        }
        return body
    }
}
