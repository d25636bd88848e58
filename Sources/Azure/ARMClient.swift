import CloudHTTP
import Foundation
import Model

/// Reads Azure Resource Manager: authenticated GETs with the api-version pinned per resource type, `nextLink`
/// paging, retries on 429/5xx honouring `Retry-After`, typed errors from ARM's `{"error":{code,message}}` body,
/// a cap on requests in flight and, under it, an adaptive window per resource provider.
public final class ARMClient: Sendable {
    public let configuration: AzureConfiguration
    private let transport: any HTTPTransport
    private let tokens: AzureTokenProvider
    private let retry: RetryPolicy
    private let timeout: Duration
    private let maxPages: Int
    /// ARM throttles per principal, so one limit covers every request whatever fans out above it.
    private let gate: ConcurrencyLimiter
    /// Per-provider adaptive windows under the overall gate.
    public let throttle: ARMThrottle
    /// Calls and attempts made through this client.
    public let counter = ARMCallCounter()
    /// The circuit breaker and deadline every attempt passes through: Resource Manager is one endpoint (key
    /// `arm`), the token authority another (key `login`).
    public let callGuard: CallGuard

    /// Creates a client; `maxConcurrentRequests` bounds requests in flight across every caller of this client.
    public init(
        configuration: AzureConfiguration, transport: any HTTPTransport, tokens: AzureTokenProvider? = nil,
        retry: RetryPolicy = .standard, timeout: Duration = .seconds(60), maxPages: Int = 1_000,
        maxConcurrentRequests: Int = 8, callGuard: CallGuard = .unbounded
    ) {
        self.configuration = configuration
        self.callGuard = callGuard
        self.transport = callGuard.transport(transport, key: "arm")
        self.tokens =
            tokens
            ?? AzureTokenProvider(
                configuration: configuration, transport: callGuard.transport(transport, key: "login"), retry: retry)
        self.retry = retry
        self.timeout = timeout
        self.maxPages = max(1, maxPages)
        self.gate = ConcurrencyLimiter(limit: maxConcurrentRequests)
        self.throttle = ARMThrottle(ceiling: maxConcurrentRequests)
    }

    /// GETs one resource at `path` (an ARM ID or a path under the endpoint) with the api-version of `resourceType`.
    public func get(_ path: String, resourceType: String) async throws(AzureError) -> Value {
        let api = "GET \(resourceType)"
        let url = try firstURL(path, resourceType: resourceType, api: api)
        return try await call(url, api: api, resourceID: path)
    }

    /// Sends a write (`PATCH` or `PUT`) of the JSON `body` to the resource at `path` with the api-version of
    /// `resourceType`; returns ARM's answer (the resource as it now stands, or `{}` for an empty 200/202).
    public func write(_ method: String, _ path: String, resourceType: String, body: Value) async throws(AzureError) -> Value {
        let api = "\(method) \(resourceType)"
        let url = try firstURL(path, resourceType: resourceType, api: api)
        let data: Data
        do {
            data = try JSONBody.encode(body)
        } catch {
            throw AzureError(
                .configuration, "request body cannot be encoded as JSON", api: api, resourceID: path,
                underlying: error)
        }
        return try await call(url, api: api, resourceID: path, method: method, body: data)
    }

    /// GETs the collection at `path`, following absolute `nextLink`s until the last page; returns every `value` item.
    public func list(_ path: String, resourceType: String) async throws(AzureError) -> [Value] {
        try await list(path, resourceType: resourceType, query: [])
    }

    /// GETs the collection at `path` with extra query parameters (`$filter`; values are percent-encoded here),
    /// following `nextLink`s (which carry the query themselves) until the last page; returns every `value` item.
    public func list(_ path: String, resourceType: String, query: [(String, String)]) async throws(AzureError) -> [Value] {
        let api = "LIST \(resourceType)"
        var url = try firstURL(path, resourceType: resourceType, api: api, query: query)
        var seen: Set<String> = [url.absoluteString]
        var items: [Value] = []
        for _ in 0..<maxPages {
            let page = try await call(url, api: api, resourceID: path)
            guard let values = page["value"]?.elements ?? (page["value"] == nil ? [] : nil) else {
                throw AzureError(.malformedResponse, "`value` is not an array", api: api, resourceID: path)
            }
            items += values
            guard let next = page["nextLink"]?.stringValue, !next.isEmpty else { return items }
            guard let nextURL = URL(string: next), sameOrigin(nextURL) else {
                throw AzureError(
                    .foreignNextLink, "nextLink does not point at the Resource Manager endpoint",
                    api: api, resourceID: path)
            }
            guard seen.insert(nextURL.absoluteString).inserted else {
                throw AzureError(.pagingLoop, "nextLink repeats a page already read", api: api, resourceID: path)
            }
            url = nextURL
        }
        throw AzureError(.pagingLoop, "more than \(maxPages) pages", api: api, resourceID: path)
    }

    private func firstURL(
        _ path: String, resourceType: String, api: String,
        query: [(String, String)] = []
    ) throws(AzureError) -> URL {
        guard let version = ARMAPIVersions.version(for: resourceType) else {
            throw AzureError(.unknownResourceType, "no api-version is pinned for \(resourceType)", api: api)
        }
        let base = configuration.resourceManagerEndpoint.absoluteString
        let trimmed = base.hasSuffix("/") ? String(base.dropLast()) : base
        let encodedPath = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
        let separator = path.contains("?") ? "&" : "?"
        // OData values hold spaces and quotes; only unreserved characters go through unencoded.
        let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        let extra = query.map { name, value in
            "&\(name)=\(value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? value)"
        }.joined()
        guard path.hasPrefix("/"),
            let url = URL(string: "\(trimmed)\(encodedPath)\(separator)api-version=\(version)\(extra)")
        else {
            throw AzureError(.configuration, "cannot form a URL for \(path)", api: api, resourceID: path)
        }
        return url
    }

    private func sameOrigin(_ url: URL) -> Bool {
        let endpoint = configuration.resourceManagerEndpoint
        return url.scheme?.lowercased() == endpoint.scheme?.lowercased()
            && url.host?.lowercased() == endpoint.host?.lowercased() && url.port == endpoint.port
    }

    /// One logical call: a token, the request through the gate and the retry policy, then one retry with a fresh
    /// token if ARM says the token expired.
    private func call(
        _ url: URL, api: String, resourceID: String, method: String = "GET",
        body: Data? = nil
    ) async throws(AzureError) -> Value {
        do {
            for attempt in 1...2 {
                let token = try await tokens.token()
                var request = HTTPRequest(method: method, url: url, api: api)
                request.setHeader("Authorization", "Bearer \(token.token.reveal)")
                request.setHeader("Accept", "application/json")
                if let body {
                    request.body = body
                    request.setHeader("Content-Type", "application/json")
                }
                let provider = ARMThrottle.provider(ofAPI: api)
                await throttle.acquire(provider)
                let response: HTTPResponse
                let attempts: Int
                do {
                    (response, attempts) = try await gate.withSlot("arm") { [retry, transport, timeout, request] in
                        try await retry.send(request, via: transport, timeout: timeout)
                    }
                } catch {
                    await throttle.release(provider, retried: true)
                    throw error
                }
                await throttle.release(provider, retried: attempts > 1)
                await counter.record(api, attempts: attempts)
                if response.status == 401, attempt == 1 {
                    await tokens.invalidate()
                    continue
                }
                return try decode(response, api: api, resourceID: resourceID, method: method)
            }
        } catch let error as AzureError {
            throw error
        } catch let error as HTTPError {
            let code: AzureError.Code =
                error.code == .circuitOpen ? .unreachable : error.code == .deadlineExceeded ? .deadlineExceeded : .transport
            throw AzureError(
                code, "\(error.code): \(error.message)", api: api, resourceID: resourceID,
                httpStatus: error.status, underlying: error)
        } catch {
            throw AzureError(.transport, "\(error)", api: api, resourceID: resourceID, underlying: error)
        }
        throw AzureError(
            .authenticationFailed, "ARM rejected a freshly issued token", api: api,
            resourceID: resourceID, httpStatus: 401)
    }

    private func decode(
        _ response: HTTPResponse, api: String, resourceID: String,
        method: String
    ) throws(AzureError) -> Value {
        let requestID = response.header("x-ms-request-id") ?? response.header("x-ms-correlation-request-id")
        let body = try? JSONBody.decode(response.body)
        guard response.isSuccess else {
            if let error = body?["error"], let code = error["code"]?.stringValue {
                throw AzureError(
                    .armError, error["message"]?.stringValue ?? "", armCode: code, api: api,
                    resourceID: resourceID, httpStatus: response.status, requestID: requestID)
            }
            throw AzureError(
                .httpStatus, "HTTP \(response.status) without an ARM error body", api: api,
                resourceID: resourceID, httpStatus: response.status, requestID: requestID)
        }
        if JSONBody.isBlank(response.body) && method != "GET" { return .object([:]) }
        guard let body, body.members != nil else {
            throw AzureError(
                .malformedResponse, "response body is not a JSON object", api: api,
                resourceID: resourceID, httpStatus: response.status, requestID: requestID)
        }
        return body
    }
}
