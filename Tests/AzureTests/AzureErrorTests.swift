import Azure
import CloudHTTP
import Foundation
import TestSupport
import Testing

/// ARM's own codes beside the client's closed ones, the cause kept, and where each error was raised.
@Suite struct AzureErrorTests {
    @Test func anARMErrorBodyIsAnARMErrorWithItsCodeVerbatim() async throws {
        let fixture = try ARMFixtureServer { _ in
            CannedResponse(status: 404, text: #"{"error":{"code":"ResourceNotFound","message":"gone"}}"#)
        }
        let error = await #expect(throws: AzureError.self) {
            _ = try await fixture.client().get(
                "/subscriptions/s1/providers/Microsoft.KeyVault/vaults/kv",
                resourceType: "Microsoft.KeyVault/vaults")
        }
        #expect(error?.code == .armError)
        #expect(error?.armCode == "ResourceNotFound")
        #expect(error?.errorCode == "ResourceNotFound")
        #expect(error?.isAuthorizationFailure == false)
        #expect(error?.description.contains("ResourceNotFound: gone (HTTP 404") == true)
        #expect(error?.file.hasSuffix("ARMClient.swift") == true)
    }

    @Test func aTransportFailureKeepsTheHTTPErrorAsItsCause() async throws {
        let port = try MotoServer.freePort()
        let dead = try #require(URL(string: "http://127.0.0.1:\(port)"))
        let configuration = AzureConfiguration(
            tenantID: "t", clientID: "c", clientSecret: AzureSecret("s"),
            authorityHost: dead, resourceManagerEndpoint: dead)
        let client = ARMClient(
            configuration: configuration, transport: URLSessionTransport(),
            retry: RetryPolicy(maxAttempts: 1), timeout: .seconds(10))
        let error = await #expect(throws: AzureError.self) {
            _ = try await client.get(
                "/subscriptions/s1/providers/Microsoft.KeyVault/vaults/kv",
                resourceType: "Microsoft.KeyVault/vaults")
        }
        #expect(error?.code == .transport)
        #expect(error?.armCode == nil)
        #expect((error?.underlying as? HTTPError)?.code == .connection)
    }
}
