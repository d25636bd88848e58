import CloudHTTP
import Foundation
import Model

/// OAuth2 client-credentials tokens from Entra ID, cached until shortly before they expire; concurrent callers
/// share one refresh. The client secret goes only into the token request body.
public actor AzureTokenProvider {
    private let configuration: AzureConfiguration
    private let transport: any HTTPTransport
    private let retry: RetryPolicy
    private let timeout: Duration
    private let refreshMargin: TimeInterval
    private let now: @Sendable () -> Date
    private var cached: AzureAccessToken?
    private var inFlight: Task<AzureAccessToken, any Error>?
    /// How many token requests were sent (tests assert caching with it).
    public private(set) var requestsSent = 0

    /// Creates a provider; a token is refreshed `refreshMargin` before its `expires_in` runs out.
    public init(
        configuration: AzureConfiguration, transport: any HTTPTransport, retry: RetryPolicy = .standard,
        timeout: Duration = .seconds(30), refreshMargin: Duration = .seconds(300),
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.configuration = configuration
        self.transport = transport
        self.retry = retry
        self.timeout = timeout
        let (seconds, atto) = refreshMargin.components
        self.refreshMargin = Double(seconds) + Double(atto) / 1e18
        self.now = now
    }

    /// A valid token: the cached one, the refresh already running, or a new one.
    public func token() async throws -> AzureAccessToken {
        if let cached, cached.expiresOn.timeIntervalSince(now()) > refreshMargin { return cached }
        if let inFlight { return try await inFlight.value }
        let task = Task { try await self.fetch() }
        inFlight = task
        defer { inFlight = nil }
        let fresh = try await task.value
        cached = fresh
        return fresh
    }

    /// Drops the cached token (after ARM rejected it), so the next call fetches a new one.
    public func invalidate() {
        cached = nil
    }

    private func fetch() async throws -> AzureAccessToken {
        requestsSent += 1
        let api = "POST oauth2/v2.0/token"
        let url = configuration.tokenURL
        var request = HTTPRequest(method: "POST", url: url, api: api)
        request.setHeader("Content-Type", "application/x-www-form-urlencoded")
        request.setHeader("Accept", "application/json")
        request.body = Data(
            AzureTokenProvider.form([
                ("grant_type", "client_credentials"),
                ("client_id", configuration.clientID),
                ("client_secret", configuration.clientSecret.reveal),
                ("scope", configuration.scope),
            ]).utf8)
        let issued = now()
        let response: HTTPResponse
        do {
            (response, _) = try await retry.send(request, via: transport, timeout: timeout)
        } catch let error as HTTPError {
            throw AzureError(
                .transport, "\(error.code): \(error.message)", api: api, resourceID: request.redactedURL,
                underlying: error)
        }
        let body = try? JSONBody.decode(response.body)
        guard response.isSuccess else {
            let code = body?["error"]?.stringValue ?? "HTTP \(response.status)"
            // AAD descriptions name the tenant and client, never the secret; strip it anyway in case of an echo.
            let detail = (body?["error_description"]?.stringValue ?? "")
                .replacingOccurrences(of: configuration.clientSecret.reveal, with: "<redacted>")
            throw AzureError(
                .authenticationFailed, "\(code)\(detail.isEmpty ? "" : ": " + detail)", api: api,
                resourceID: request.redactedURL, httpStatus: response.status,
                requestID: response.header("x-ms-request-id"))
        }
        guard let body, let token = body["access_token"]?.stringValue, !token.isEmpty else {
            throw AzureError(
                .malformedResponse, "token response has no access_token", api: api,
                resourceID: request.redactedURL, httpStatus: response.status)
        }
        // expires_in is a number in v2.0 responses but a string in some older endpoints.
        let lifetime = body["expires_in"]?.numberValue ?? body["expires_in"]?.stringValue.flatMap(Double.init)
        guard let lifetime, lifetime.isFinite, lifetime > 0 else {
            throw AzureError(
                .malformedResponse, "token response has no positive expires_in", api: api,
                resourceID: request.redactedURL, httpStatus: response.status)
        }
        return AzureAccessToken(token: AzureSecret(token), expiresOn: issued.addingTimeInterval(lifetime))
    }

    /// `application/x-www-form-urlencoded` encoding of `fields`.
    static func form(_ fields: [(String, String)]) -> String {
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return fields.map { name, value in
            let encoded = value.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
            return "\(name)=\(encoded)"
        }.joined(separator: "&")
    }
}
