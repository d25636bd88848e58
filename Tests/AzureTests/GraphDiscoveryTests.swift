import Azure
import Checks
import CloudHTTP
import Discovery
import Foundation
import Model
import Scanner
import TestSupport
import Testing

/// The Entra ID tenant settings behind the CIS identity controls, read through a loopback Microsoft Graph that
/// speaks the documented JSON.
@Suite struct GraphDiscoveryTests {
    static let subscription = "00000000-0000-0000-0000-0000000000a1"

    static func graph(_ fixture: ARMFixtureServer) -> GraphClient {
        GraphClient(
            configuration: fixture.configuration, endpoint: fixture.server.baseURL, transport: URLSessionTransport(),
            retry: RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(1), maxDelay: .seconds(1), jitter: { _ in 0 }))
    }

    static var library: CheckLibrary {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("checks").path
        return CheckLibrary.load(directory: directory)
    }

    /// Discovery of an otherwise empty subscription with `handler` answering Graph.
    private func discover(
        graph handler: @escaping @Sendable (ReceivedRequest) -> CannedResponse?
    ) async throws
        -> (DiscoveryResult, ARMFixtureServer)
    {
        let fixture = try ARMFixtureServer { request in
            handler(request) ?? CannedResponse(text: #"{"value":[]}"#)
        }
        let discovery = AzureDiscovery(
            client: fixture.client(), subscriptionID: Self.subscription, fanOutWidth: 2, graph: Self.graph(fixture))
        return (await discovery.discover(), fixture)
    }

    private func verdicts(_ result: DiscoveryResult) -> [String: Verdict.Kind] {
        let results = CheckEngine(checks: Self.library.checks.filter { $0.id.hasPrefix("BLW-AZURE-ENTRA-") })
            .evaluate(graph: ResourceGraph(result.resources))
        return Dictionary(results.map { ($0.checkID, $0.verdict.kind) }) { first, _ in first }
    }

    @Test func tenantSettingsMapAndTheIdentityChecksJudgeThem() async throws {
        let fixture = try ARMFixtureServer(fixtures: ["arm-subscription", "arm-services", "graph-tenant"])
        let discovery = AzureDiscovery(
            client: fixture.client(), subscriptionID: Self.subscription, fanOutWidth: 4, graph: Self.graph(fixture))
        let result = await discovery.discover()
        #expect(result.errors.count == 1)
        let policy = try #require(result.resources.first { $0.type == "azuread_authorization_policy" })
        #expect(policy.attributes["allow_invites_from"] == .string("everyone"))
        #expect(policy.attributes["default_user_role_permissions"]?[0]?["allowed_to_create_applications"] == .bool(true))
        let access = result.resources.filter { $0.type == "azuread_conditional_access_policy" }
        #expect(access.count == 2)
        #expect(access.allSatisfy { $0.references.map(\.target) == ["data.azuread_tenant.tenant_tenant-a"] })
        let admins = try #require(access.first { $0.attributes["display_name"] == .string("Require MFA for administrators") })
        #expect(admins.attributes["conditions"]?[0]?["users"]?[0]?["excluded_users"]?[0] == .string("33333333-3333-3333-3333-333333333333"))
        #expect(result.callsByOperation["GET graph:/v1.0/policies/authorizationPolicy"] == 1)
        // The Graph token was asked for the Graph scope, the ARM one for ARM's.
        let scopes = fixture.server.requests.filter { $0.path.hasSuffix("/oauth2/v2.0/token") }
            .map { String(decoding: $0.body, as: UTF8.self) }
        #expect(scopes.contains { $0.contains("scope=https%3A%2F%2Fgraph.microsoft.com%2F.default") })
        #expect(scopes.contains { $0.contains("scope=https%3A%2F%2Fmanagement.azure.com%2F.default") })
        let kinds = verdicts(result)
        #expect(kinds["BLW-AZURE-ENTRA-001"] == .failed)
        #expect(kinds["BLW-AZURE-ENTRA-002"] == .passed)
        #expect(kinds["BLW-AZURE-ENTRA-003"] == .failed)
        #expect(kinds["BLW-AZURE-ENTRA-004"] == .failed)
        #expect(kinds["BLW-AZURE-ENTRA-005"] == .failed)
        // The all-users policy is report-only, so only the administrators' MFA counts.
        #expect(kinds["BLW-AZURE-ENTRA-006"] == .failed)
        #expect(kinds["BLW-AZURE-ENTRA-007"] == .passed)
        #expect(kinds["BLW-AZURE-ENTRA-008"] == .failed)
    }

    @Test func aDeniedGraphLeavesTheIdentityChecksUnknown() async throws {
        let (result, _) = try await discover { request in
            guard request.path.hasPrefix("/v1.0/") else { return nil }
            return CannedResponse(
                status: 403, headers: [("request-id", "graph-req-1")],
                text: #"{"error":{"code":"Authorization_RequestDenied","message":"Insufficient privileges to complete the operation."}}"#)
        }
        #expect(result.errors.count == 3)
        #expect(result.errors.allSatisfy { $0.code == .accessDenied && $0.service.hasPrefix("graph:/v1.0/") })
        let denied = try #require(result.errors.first { $0.service == "graph:/v1.0/policies/authorizationPolicy" })
        #expect((denied.underlying as? AzureError)?.armCode == "Authorization_RequestDenied")
        #expect((denied.underlying as? AzureError)?.requestID == "graph-req-1")
        let kinds = verdicts(result)
        for id in 1...8 {
            let check = String(format: "BLW-AZURE-ENTRA-%03d", id)
            #expect(kinds[check] == .unknown, "\(check): \(String(describing: kinds[check]))")
        }
        #expect(Set(result.unread.map(\.type)).isSuperset(of: ["azuread_authorization_policy", "azuread_conditional_access_policy"]))
    }

    @Test func conditionalAccessPagesAndThrottlingAreFollowed() async throws {
        let throttled = TestCounter()
        let (result, _) = try await discover { request in
            guard request.path == "/v1.0/identity/conditionalAccess/policies" else { return nil }
            if request.target.contains("skiptoken=p2") {
                return CannedResponse(
                    text:
                        #"{"value":[{"id":"p-2","displayName":"second","state":"enabled","grantControls":{"operator":"OR","builtInControls":["block"]}}]}"#
                )
            }
            if throttled.next() == 1 {
                return CannedResponse(
                    status: 429, headers: [("Retry-After", "0")],
                    text: #"{"error":{"code":"TooManyRequests","message":"throttled"}}"#)
            }
            let host = request.header("Host") ?? ""
            let next = "http://\(host)/v1.0/identity/conditionalAccess/policies?$skiptoken=p2"
            return CannedResponse(
                text: #"{"value":[{"id":"p-1","displayName":"first","state":"disabled"}],"@odata.nextLink":"\#(next)"}"#)
        }
        let names = result.resources.filter { $0.type == "azuread_conditional_access_policy" }
            .compactMap { $0.attributes["display_name"]?.stringValue }
        #expect(names.sorted() == ["first", "second"])
        #expect(result.callsByOperation["LIST graph:/v1.0/identity/conditionalAccess/policies"] == 2)
        #expect((result.httpAttempts ?? 0) > result.apiCalls)
        #expect(result.errors.isEmpty)
    }

    @Test func theEnvironmentTurnsGraphOnAndPointsIt() throws {
        #expect(GraphClient.isEnabled(in: ["BULWARK_AZURE_GRAPH": "on"]))
        #expect(GraphClient.isEnabled(in: ["BULWARK_AZURE_GRAPH": "TRUE"]))
        #expect(!GraphClient.isEnabled(in: ["BULWARK_AZURE_GRAPH": "off"]))
        #expect(!GraphClient.isEnabled(in: [:]))
        #expect(try GraphClient.endpoint(from: [:]).absoluteString == "https://graph.microsoft.com")
        #expect(
            try GraphClient.endpoint(from: ["BULWARK_AZURE_GRAPH_ENDPOINT": "https://graph.microsoft.us"]).host
                == "graph.microsoft.us")
        let error = #expect(throws: AzureError.self) {
            try GraphClient.endpoint(from: ["BULWARK_AZURE_GRAPH_ENDPOINT": "graph.microsoft.com"])
        }
        #expect(error?.code == .configuration)
    }
}
