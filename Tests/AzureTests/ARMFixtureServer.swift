import Azure
import CloudHTTP
import Foundation
import TestSupport

/// A loopback server that plays Entra ID's token endpoint and ARM: routes come from a JSON fixture
/// (`{"routes": {path: {status, headers, body}}}`) or from a test's own handler.
final class ARMFixtureServer: Sendable {
    static let tenant = "tenant-a"
    static let clientID = "client-123"
    static let secret = "s3cr3t+/=&value"
    let server: LoopbackHTTPServer
    let tokensIssued = TestCounter()

    /// Starts a server answering the token endpoint itself and every other path with `handler`.
    init(tokenLifetime: Int = 3600, handler: @escaping @Sendable (ReceivedRequest) -> CannedResponse) throws {
        let issued = tokensIssued
        server = try LoopbackHTTPServer { request in
            if request.path.hasSuffix("/oauth2/v2.0/token") {
                let n = issued.next()
                let body =
                    #"{"token_type":"Bearer","expires_in":\#(tokenLifetime),"ext_expires_in":\#(tokenLifetime),"access_token":"token-\#(n)"}"#
                return CannedResponse(headers: [("Content-Type", "application/json")], text: body)
            }
            return handler(request)
        }
    }

    /// Starts a server that serves the routes of fixture file `name`.
    convenience init(fixture name: String) throws {
        try self.init(fixtures: [name])
    }

    /// Starts a server that serves the routes of every fixture file in `names` (one subscription split by theme).
    convenience init(fixtures names: [String]) throws {
        var routes: [String: CannedResponse] = [:]
        for name in names { routes.merge(try ARMFixtureServer.routes(fixture: name)) { first, _ in first } }
        try self.init { [routes] request in
            guard let route = routes[request.path.lowercased()] else {
                return CannedResponse(status: 404, text: #"{"error":{"code":"ResourceNotFound","message":"no fixture"}}"#)
            }
            return route
        }
    }

    /// The configuration of a client that talks to this server for both tokens and ARM.
    var configuration: AzureConfiguration {
        AzureConfiguration(
            tenantID: ARMFixtureServer.tenant, clientID: ARMFixtureServer.clientID,
            clientSecret: AzureSecret(ARMFixtureServer.secret), authorityHost: server.baseURL,
            resourceManagerEndpoint: server.baseURL)
    }

    /// Requests other than token requests.
    var armRequests: [ReceivedRequest] { server.requests.filter { !$0.path.hasSuffix("/oauth2/v2.0/token") } }

    /// A client with a fast retry policy (Retry-After still honoured).
    func client(maxAttempts: Int = 4, maxPages: Int = 50) -> ARMClient {
        let retry = RetryPolicy(
            maxAttempts: maxAttempts, baseDelay: .milliseconds(1), maxDelay: .seconds(2),
            jitter: { _ in 0 })
        return ARMClient(
            configuration: configuration, transport: URLSessionTransport(), retry: retry,
            timeout: .seconds(20), maxPages: maxPages)
    }

    /// The subscription ID of fixture `name`.
    static func subscription(fixture name: String) throws -> String {
        let object = try JSONSerialization.jsonObject(with: try data(fixture: name)) as? [String: Any]
        guard let id = object?["subscription"] as? String else { throw TestServerError("fixture has no subscription") }
        return id
    }

    private static func data(fixture name: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures") else {
            throw TestServerError("fixture \(name).json is missing")
        }
        return try Data(contentsOf: url)
    }

    /// Lower-cased path → canned response.
    private static func routes(fixture name: String) throws -> [String: CannedResponse] {
        let object = try JSONSerialization.jsonObject(with: try data(fixture: name)) as? [String: Any]
        guard let routes = object?["routes"] as? [String: [String: Any]] else {
            throw TestServerError("fixture \(name) has no routes")
        }
        var result: [String: CannedResponse] = [:]
        for (path, route) in routes {
            let status = route["status"] as? Int ?? 200
            let headers = (route["headers"] as? [String: String] ?? [:]).map { ($0.key, $0.value) }
            let body = try JSONSerialization.data(withJSONObject: route["body"] ?? [:])
            result[path.lowercased()] = CannedResponse(
                status: status, headers: headers + [("Content-Type", "application/json")],
                body: body)
        }
        return result
    }
}
