import Azure
import CloudHTTP
import Foundation
import Model
import TestSupport
import Testing

@Suite struct ARMClientTests {
    static let path = "/subscriptions/s1/providers/Microsoft.Network/publicIPAddresses"

    @Test func followsNextLinkAcrossThreePages() async throws {
        let box = PortBox()
        let fixture = try ARMFixtureServer { request in
            let page = request.target.contains("$skiptoken=3") ? 3 : request.target.contains("$skiptoken=2") ? 2 : 1
            let next =
                page < 3
                ? #","nextLink":"http://127.0.0.1:\#(box.port)\#(ARMClientTests.path)?api-version=2024-05-01&$skiptoken=\#(page + 1)""# : ""
            let items = (1...2).map { #"{"id":"/ip/p\#(page)-\#($0)","name":"p\#(page)-\#($0)"}"# }.joined(separator: ",")
            return CannedResponse(text: #"{"value":[\#(items)]\#(next)}"#)
        }
        box.port = fixture.server.port
        let client = fixture.client()
        let items = try await client.list(ARMClientTests.path, resourceType: "Microsoft.Network/publicIPAddresses")
        #expect(items.compactMap { $0["name"]?.stringValue } == ["p1-1", "p1-2", "p2-1", "p2-2", "p3-1", "p3-2"])
        let requests = fixture.armRequests
        #expect(requests.count == 3)
        #expect(requests.allSatisfy { $0.header("Authorization") == "Bearer token-1" })
        #expect(requests.first?.target == "\(ARMClientTests.path)?api-version=2024-05-01")
        #expect(await client.counter.totalCalls == 3)
        #expect(fixture.tokensIssued.count == 1)
    }

    @Test func nextLinkLoopIsAnError() async throws {
        let box = PortBox()
        let fixture = try ARMFixtureServer { _ in
            CannedResponse(text: #"{"value":[],"nextLink":"http://127.0.0.1:\#(box.port)/loop?api-version=1&$skiptoken=a"}"#)
        }
        box.port = fixture.server.port
        let error = await #expect(throws: AzureError.self) {
            _ = try await fixture.client().list(ARMClientTests.path, resourceType: "Microsoft.Network/publicIPAddresses")
        }
        #expect(error?.code == .pagingLoop)
        #expect(fixture.armRequests.count == 2)
    }

    @Test func nextLinkToAnotherHostIsRefused() async throws {
        let fixture = try ARMFixtureServer { _ in
            CannedResponse(text: #"{"value":[],"nextLink":"https://attacker.example/steal?x=1"}"#)
        }
        let error = await #expect(throws: AzureError.self) {
            _ = try await fixture.client().list(ARMClientTests.path, resourceType: "Microsoft.Network/publicIPAddresses")
        }
        #expect(error?.code == .foreignNextLink)
    }

    @Test func throttledCallsAreRetriedAfterRetryAfter() async throws {
        let calls = TestCounter()
        let fixture = try ARMFixtureServer { _ in
            let n = calls.next()
            if n <= 2 {
                return CannedResponse(
                    status: n == 1 ? 429 : 503, headers: [("Retry-After", "0")],
                    text: #"{"error":{"code":"TooManyRequests","message":"slow down"}}"#)
            }
            return CannedResponse(text: #"{"value":[{"id":"/ip/a","name":"a"}]}"#)
        }
        let client = fixture.client(maxAttempts: 4)
        let items = try await client.list(ARMClientTests.path, resourceType: "Microsoft.Network/publicIPAddresses")
        #expect(items.count == 1)
        #expect(calls.count == 3)
        #expect(await client.counter.totalCalls == 1)
        #expect(await client.counter.totalAttempts == 3)
    }

    @Test func throttlingThatOutlastsRetriesIsTyped() async throws {
        let calls = TestCounter()
        let fixture = try ARMFixtureServer { _ in
            _ = calls.next()
            return CannedResponse(
                status: 429, headers: [("Retry-After", "0"), ("x-ms-request-id", "req-429")],
                text: #"{"error":{"code":"TooManyRequests","message":"slow down"}}"#)
        }
        let error = await #expect(throws: AzureError.self) {
            _ = try await fixture.client(maxAttempts: 3).get(
                "/subscriptions/s1/providers/Microsoft.Security/pricings/Dns",
                resourceType: "Microsoft.Security/pricings")
        }
        #expect(error?.armCode == "TooManyRequests")
        #expect(error?.httpStatus == 429)
        #expect(error?.requestID == "req-429")
        #expect(calls.count == 3)
    }

    @Test func armErrorBodyBecomesTypedError() async throws {
        let fixture = try ARMFixtureServer { _ in
            CannedResponse(
                status: 403, headers: [("x-ms-request-id", "req-1")],
                text: #"{"error":{"code":"AuthorizationFailed","message":"no read permission"}}"#)
        }
        let error = await #expect(throws: AzureError.self) {
            _ = try await fixture.client().list(
                "/subscriptions/s1/providers/Microsoft.KeyVault/vaults",
                resourceType: "Microsoft.KeyVault/vaults")
        }
        #expect(error?.armCode == "AuthorizationFailed")
        #expect(error?.message == "no read permission")
        #expect(error?.api == "LIST Microsoft.KeyVault/vaults")
        #expect(error?.resourceID == "/subscriptions/s1/providers/Microsoft.KeyVault/vaults")
        #expect(error?.httpStatus == 403)
        #expect(error?.requestID == "req-1")
        #expect(!(error?.description.contains("token-1") ?? true))
    }

    @Test func malformedJSONNamesTheAPI() async throws {
        let fixture = try ARMFixtureServer { _ in CannedResponse(text: #"{"value":[{"id":"/x","#) }
        let error = await #expect(throws: AzureError.self) {
            _ = try await fixture.client().list(
                "/subscriptions/s1/providers/Microsoft.Sql/servers",
                resourceType: "Microsoft.Sql/servers")
        }
        #expect(error?.code == .malformedResponse)
        #expect(error?.api == "LIST Microsoft.Sql/servers")
    }

    @Test func valueThatIsNotAnArrayIsMalformed() async throws {
        let fixture = try ARMFixtureServer { _ in CannedResponse(text: #"{"value":{"id":"/x"}}"#) }
        let error = await #expect(throws: AzureError.self) {
            _ = try await fixture.client().list(
                "/subscriptions/s1/providers/Microsoft.Sql/servers",
                resourceType: "Microsoft.Sql/servers")
        }
        #expect(error?.code == .malformedResponse)
    }

    @Test func expiredTokenIsRefreshedOnce() async throws {
        let fixture = try ARMFixtureServer { request in
            if request.header("Authorization") == "Bearer token-1" {
                return CannedResponse(status: 401, text: #"{"error":{"code":"ExpiredAuthenticationToken","message":"expired"}}"#)
            }
            return CannedResponse(text: #"{"id":"/x","name":"x","properties":{"pricingTier":"Standard"}}"#)
        }
        let value = try await fixture.client().get(
            "/subscriptions/s1/providers/Microsoft.Security/pricings/x",
            resourceType: "Microsoft.Security/pricings")
        #expect(value["name"]?.stringValue == "x")
        #expect(fixture.tokensIssued.count == 2)
    }

    @Test func unknownResourceTypeIsRefusedWithoutACall() async throws {
        let fixture = try ARMFixtureServer { _ in CannedResponse(text: "{}") }
        let error = await #expect(throws: AzureError.self) {
            _ = try await fixture.client().get("/x", resourceType: "Microsoft.Nope/things")
        }
        #expect(error?.code == .unknownResourceType)
        #expect(fixture.server.requests.isEmpty)
    }

    @Test func booleansStayBooleans() async throws {
        let fixture = try ARMFixtureServer { _ in CannedResponse(text: #"{"a":true,"b":1,"c":"1","d":null,"e":[false]}"#) }
        let value = try await fixture.client().get("/x", resourceType: "Microsoft.Security/pricings")
        #expect(value["a"] == .bool(true))
        #expect(value["b"] == .number(1))
        #expect(value["c"] == .string("1"))
        #expect(value["d"] == .null)
        #expect(value["e"] == .list([.bool(false)]))
    }
}
