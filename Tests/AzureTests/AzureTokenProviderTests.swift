import Azure
import CloudHTTP
import Foundation
import TestSupport
import Testing

/// A clock the test moves by hand.
final class ManualClock: @unchecked Sendable {
    // Unchecked: `current` is only touched under `lock`.
    private let lock = NSLock()
    private var current = Date(timeIntervalSince1970: 1_700_000_000)
    var now: Date { lock.withLock { current } }
    func advance(_ seconds: TimeInterval) { lock.withLock { current += seconds } }
}

@Suite struct AzureTokenProviderTests {
    @Test func clientCredentialsFormAndCaching() async throws {
        let fixture = try ARMFixtureServer { _ in CannedResponse(status: 404) }
        let provider = AzureTokenProvider(configuration: fixture.configuration, transport: URLSessionTransport())
        let first = try await provider.token()
        let second = try await provider.token()
        #expect(first.token.reveal == "token-1")
        #expect(second.token.reveal == "token-1")
        #expect(fixture.tokensIssued.count == 1)
        let request = try #require(fixture.server.requests.first)
        #expect(request.method == "POST")
        #expect(request.path == "/tenant-a/oauth2/v2.0/token")
        #expect(request.header("Content-Type") == "application/x-www-form-urlencoded")
        let fields = Dictionary(
            uniqueKeysWithValues: request.text.split(separator: "&").map { pair -> (String, String) in
                let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                return (parts[0], (parts.count > 1 ? parts[1] : "").removingPercentEncoding ?? "")
            })
        #expect(
            fields == [
                "grant_type": "client_credentials", "client_id": "client-123",
                "client_secret": ARMFixtureServer.secret, "scope": "https://management.azure.com/.default",
            ])
    }

    @Test func refreshesBeforeExpiry() async throws {
        let fixture = try ARMFixtureServer(tokenLifetime: 3600) { _ in CannedResponse(status: 404) }
        let clock = ManualClock()
        let provider = AzureTokenProvider(
            configuration: fixture.configuration, transport: URLSessionTransport(),
            refreshMargin: .seconds(300), now: { clock.now })
        #expect(try await provider.token().token.reveal == "token-1")
        clock.advance(3000)  // 600 s left: still outside the 300 s margin
        #expect(try await provider.token().token.reveal == "token-1")
        clock.advance(400)  // 200 s left: inside the margin, so refreshed early
        #expect(try await provider.token().token.reveal == "token-2")
        #expect(fixture.tokensIssued.count == 2)
    }

    @Test func concurrentCallersShareOneRequest() async throws {
        let fixture = try ARMFixtureServer { _ in CannedResponse(status: 404) }
        let provider = AzureTokenProvider(configuration: fixture.configuration, transport: URLSessionTransport())
        let tokens = await withTaskGroup(of: String.self) { group in
            for _ in 0..<8 { group.addTask { (try? await provider.token().token.reveal) ?? "failed" } }
            return await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(Set(tokens) == ["token-1"])
        #expect(fixture.tokensIssued.count == 1)
        #expect(await provider.requestsSent == 1)
    }

    @Test func rejectedCredentialsAreTypedAndSecretFree() async throws {
        let server = try LoopbackHTTPServer { _ in
            CannedResponse(
                status: 401,
                text: #"{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided: s3cr3t+/=&value"}"#)
        }
        let configuration = AzureConfiguration(
            tenantID: "tenant-a", clientID: "client-123", clientSecret: AzureSecret(ARMFixtureServer.secret),
            authorityHost: server.baseURL, resourceManagerEndpoint: server.baseURL)
        let provider = AzureTokenProvider(configuration: configuration, transport: URLSessionTransport(), retry: .none)
        do {
            _ = try await provider.token()
            Issue.record("a 401 from the token endpoint must fail")
        } catch let error as AzureError {
            #expect(error.code == .authenticationFailed)
            #expect(error.httpStatus == 401)
            #expect(error.message.contains("invalid_client"))
            #expect(!error.description.contains(ARMFixtureServer.secret))
            #expect(!"\(configuration.clientSecret)".contains("s3cr3t"))
        }
    }

    @Test func configurationFromEnvironment() throws {
        let configuration = try AzureConfiguration.fromEnvironment([
            "AZURE_TENANT_ID": "tenant-a", "AZURE_CLIENT_ID": "client-123", "AZURE_CLIENT_SECRET": "x",
            "AZURE_AUTHORITY_HOST": "http://127.0.0.1:9/", "BULWARK_AZURE_ARM_ENDPOINT": "http://127.0.0.1:8",
            "AZURE_SUBSCRIPTION_ID": "sub-1",
        ])
        #expect(configuration.tokenURL.absoluteString == "http://127.0.0.1:9/tenant-a/oauth2/v2.0/token")
        #expect(configuration.resourceManagerEndpoint.absoluteString == "http://127.0.0.1:8")
        #expect(configuration.subscriptionID == "sub-1")
        let defaults = try AzureConfiguration.fromEnvironment([
            "AZURE_TENANT_ID": "t", "AZURE_CLIENT_ID": "c", "AZURE_CLIENT_SECRET": "x",
        ])
        #expect(defaults.resourceManagerEndpoint.absoluteString == "https://management.azure.com")
        #expect(defaults.tokenURL.absoluteString == "https://login.microsoftonline.com/t/oauth2/v2.0/token")
        #expect(throws: AzureError.self) { try AzureConfiguration.fromEnvironment(["AZURE_TENANT_ID": "t"]) }
    }
}
