import Azure
import Checks
import CloudHTTP
import Discovery
import Foundation
import LiveRemediation
import Model
import Store
import TestSupport
import Testing

/// A loopback Entra ID + ARM that keeps resources as JSON, applies PATCH (merge) and PUT (security rule) to them and
/// records every write, so a fix is judged by ARM's state afterwards and by the exact bodies sent.
final class StatefulARM: @unchecked Sendable {
    // Unchecked: `resources` and `writes` are only touched under `lock`.
    private let lock = NSLock()
    private var resources: [String: Any]
    private var writes: [(method: String, target: String, body: String)] = []
    private(set) var server: LoopbackHTTPServer!

    static let subscription = "0000-sub"
    static let rg = "/subscriptions/0000-sub/resourceGroups/rg/providers"
    static let storage = rg + "/Microsoft.Storage/storageAccounts/weakstore"
    static let vault = rg + "/Microsoft.KeyVault/vaults/weakvault"
    static let nsg = rg + "/Microsoft.Network/networkSecurityGroups/web-nsg"
    static let rule = nsg + "/securityRules/ssh-any"

    init() throws {
        resources = [
            Self.storage.lowercased(): [
                "id": Self.storage, "name": "weakstore", "type": "Microsoft.Storage/storageAccounts",
                "location": "westeurope", "kind": "StorageV2",
                "properties": [
                    "supportsHttpsTrafficOnly": false, "minimumTlsVersion": "TLS1_0",
                    "allowBlobPublicAccess": true,
                ],
            ] as [String: Any],
            Self.vault.lowercased(): [
                "id": Self.vault, "name": "weakvault", "type": "Microsoft.KeyVault/vaults",
                "location": "westeurope",
                "properties": [
                    "tenantId": "t", "sku": ["name": "standard"],
                    "softDeleteRetentionInDays": 90,
                ],
            ] as [String: Any],
            Self.nsg.lowercased(): [
                "id": Self.nsg, "name": "web-nsg", "type": "Microsoft.Network/networkSecurityGroups",
                "location": "westeurope",
                "properties": [
                    "securityRules": [
                        [
                            "id": Self.rule, "name": "ssh-any",
                            "properties": [
                                "priority": 100, "direction": "Inbound", "access": "Allow",
                                "protocol": "Tcp", "sourcePortRange": "*",
                                "destinationPortRange": "22", "sourceAddressPrefix": "*",
                                "destinationAddressPrefix": "*",
                            ],
                        ] as [String: Any]
                    ]
                ],
            ] as [String: Any],
        ]
        server = try LoopbackHTTPServer { [unowned self] request in self.handle(request) }
    }

    var configuration: AzureConfiguration {
        AzureConfiguration(
            tenantID: "tenant-a", clientID: "client-1", clientSecret: AzureSecret("secret-value"),
            authorityHost: server.baseURL, resourceManagerEndpoint: server.baseURL)
    }

    /// Writes received: method, request target (path and query) and body.
    var recordedWrites: [(method: String, target: String, body: String)] { lock.withLock { writes } }

    /// A property of a stored resource (dot path under `properties`).
    func property(_ id: String, _ name: String) -> Any? {
        lock.withLock { ((resources[id.lowercased()] as? [String: Any])?["properties"] as? [String: Any])?[name] }
    }

    /// The stored rule's properties.
    func ruleProperties() -> [String: Any]? {
        let rules = property(Self.nsg, "securityRules") as? [[String: Any]]
        return rules?.first?["properties"] as? [String: Any]
    }

    private func handle(_ request: ReceivedRequest) -> CannedResponse {
        if request.path.hasSuffix("/oauth2/v2.0/token") {
            return CannedResponse(
                headers: [("Content-Type", "application/json")],
                text: #"{"token_type":"Bearer","expires_in":3600,"access_token":"tok"}"#)
        }
        let path = (request.path.removingPercentEncoding ?? request.path).lowercased()
        return lock.withLock { () -> CannedResponse in
            if request.method != "GET" { writes.append((request.method, request.target, request.text)) }
            let body = (try? JSONSerialization.jsonObject(with: request.body)) as? [String: Any] ?? [:]
            switch request.method {
            case "PATCH":
                guard var resource = resources[path] as? [String: Any] else { return Self.notFound }
                var properties = resource["properties"] as? [String: Any] ?? [:]
                for (key, value) in body["properties"] as? [String: Any] ?? [:] { properties[key] = value }
                resource["properties"] = properties
                resources[path] = resource
                return Self.json(resource)
            case "PUT":
                guard let range = path.range(of: "/securityrules/"),
                    var group = resources[String(path[..<range.lowerBound])] as? [String: Any]
                else { return Self.notFound }
                var properties = group["properties"] as? [String: Any] ?? [:]
                let name = String(path[range.upperBound...])
                let rule: [String: Any] = ["id": Self.rule, "name": name, "properties": body["properties"] ?? [:]]
                properties["securityRules"] = [rule]
                group["properties"] = properties
                resources[String(path[..<range.lowerBound])] = group
                return Self.json(rule)
            default:
                guard let resource = resources[path] else { return Self.notFound }
                return Self.json(resource)
            }
        }
    }

    static let notFound = CannedResponse(status: 404, text: #"{"error":{"code":"ResourceNotFound","message":"no such resource"}}"#)

    static func json(_ object: Any) -> CannedResponse {
        CannedResponse(
            headers: [("Content-Type", "application/json")],
            body: (try? JSONSerialization.data(withJSONObject: object)) ?? Data())
    }
}

@Suite("Azure live fixes against a loopback ARM")
struct AzureLiveFixTests {
    @Test func storageVaultAndRuleFixesSendDocumentedBodiesAndVerify() async throws {
        let arm = try StatefulARM()
        defer { arm.server.stop() }
        let (store, directory) = try await temporarySQLiteStore()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let client = ARMClient(configuration: arm.configuration, transport: URLSessionTransport(), retry: .none)
        let discovery = AzureDiscovery(client: client, subscriptionID: StatefulARM.subscription)
        var resources: [Resource] = []
        for id in [StatefulARM.storage, StatefulARM.vault, StatefulARM.rule] {
            resources += try await discovery.reread(armID: id)
        }
        let wanted: Set<String> = [
            "BLW-AZURE-STORAGE-001", "BLW-AZURE-STORAGE-002", "BLW-AZURE-STORAGE-003",
            "BLW-AZURE-KEYVAULT-001", "BLW-AZURE-NETWORK-002",
        ]
        let graph = ResourceGraph(resources)
        let results = CheckEngine(checks: MotoFixture.checks.filter { wanted.contains($0.id) }).evaluate(graph: graph)
            .filter { $0.resourceType != "azurerm_network_security_group" }
        let findings = LiveFinding.failed(results, in: graph, detectedAt: Date())
        #expect(Set(findings.map(\.result.checkID)) == wanted)

        let remediator = LiveRemediator(
            store: store, clients: FixClients(arm: client, azureSubscription: StatefulARM.subscription),
            checks: MotoFixture.checks)
        let proposals = try await remediator.propose(
            findings: findings,
            target: LiveRemediationPolicy(
                target: "azure-prod", mode: .approve, adminCIDR: "10.20.0.0/16"))
        for proposal in proposals {
            let id = try #require(proposal.record?.id, Comment(rawValue: proposal.checkID + ": " + (proposal.skipped ?? "")))
            _ = try await remediator.approve(id: id, by: "carol")
            let outcome = try await remediator.apply(id: id, by: "controller")
            #expect(outcome.result == .verified, "\(proposal.checkID): \(outcome.result)")
        }

        let writes = arm.recordedWrites.map { "\($0.method) \($0.target) \($0.body)" }.sorted()
        let storage = StatefulARM.storage
        let vault = StatefulARM.vault
        let rule = StatefulARM.rule
        #expect(
            writes
                == [
                    "PATCH \(storage)?api-version=2023-05-01 {\"properties\":{\"allowBlobPublicAccess\":false}}",
                    "PATCH \(storage)?api-version=2023-05-01 {\"properties\":{\"minimumTlsVersion\":\"TLS1_2\"}}",
                    "PATCH \(storage)?api-version=2023-05-01 {\"properties\":{\"supportsHttpsTrafficOnly\":true}}",
                    "PATCH \(vault)?api-version=2023-07-01 {\"properties\":{\"enablePurgeProtection\":true}}",
                    "PUT \(rule)?api-version=2024-05-01 {\"properties\":{\"access\":\"Allow\",\"destinationAddressPrefix\":\"*\","
                        + "\"destinationPortRange\":\"22\",\"direction\":\"Inbound\",\"priority\":100,\"protocol\":\"Tcp\","
                        + "\"sourceAddressPrefix\":\"10.20.0.0/16\",\"sourcePortRange\":\"*\"}}",
                ].sorted())
        #expect(arm.property(storage, "supportsHttpsTrafficOnly") as? Bool == true)
        #expect(arm.property(storage, "minimumTlsVersion") as? String == "TLS1_2")
        #expect(arm.property(storage, "allowBlobPublicAccess") as? Bool == false)
        #expect(arm.property(vault, "enablePurgeProtection") as? Bool == true)
        #expect(arm.ruleProperties()?["sourceAddressPrefix"] as? String == "10.20.0.0/16")
        await store.close()
    }
}
