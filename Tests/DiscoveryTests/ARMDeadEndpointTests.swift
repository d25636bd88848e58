import Azure
import CloudHTTP
import Discovery
import Foundation
import TestSupport
import Testing

/// Azure discovery against a Resource Manager endpoint that refuses every connection: the breaker stops it after
/// three transport failures instead of retrying each of the subscription's reads.
@Suite("ARM dead endpoint")
struct ARMDeadEndpointTests {
    @Test func aRefusingResourceManagerIsStoppedAfterThreeFailures() async throws {
        let authority = try LoopbackHTTPServer { _ in
            CannedResponse(
                headers: [("Content-Type", "application/json")],
                text: #"{"token_type":"Bearer","expires_in":3600,"ext_expires_in":3600,"access_token":"token-1"}"#)
        }
        defer { authority.stop() }
        let dead = try #require(URL(string: "http://127.0.0.1:\(try LoopbackPort.unused())"))
        let configuration = AzureConfiguration(
            tenantID: "tenant-a", clientID: "client-123", clientSecret: AzureSecret("secret"),
            authorityHost: authority.baseURL, resourceManagerEndpoint: dead)
        let transport = CountingTransport(URLSessionTransport())
        let client = ARMClient(
            configuration: configuration, transport: transport,
            retry: RetryPolicy(maxAttempts: 4, baseDelay: .milliseconds(1), maxDelay: .milliseconds(5)),
            timeout: .seconds(5), maxConcurrentRequests: 1, callGuard: CallGuard(breakerThreshold: 3))
        let result = await AzureDiscovery(client: client, subscriptionID: "00000000-0000-0000-0000-000000000001").discover()

        #expect(result.stoppedServices.map(\.service) == ["arm"])
        #expect(transport.transportFailures.count == 3)
        #expect(!result.errors.isEmpty)
        let codes = Set(result.errors.compactMap { ($0.underlying as? AzureError)?.code.rawValue })
        #expect(codes.isSubset(of: ["transport", "unreachable"]), "\(codes)")
        #expect(codes.contains("unreachable"))
        #expect(result.isPartial)
    }
}
