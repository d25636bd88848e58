import Azure
import Checks
import Discovery
import Foundation
import Model
import Scanner
import TestSupport
import Testing

@Suite struct AzureDiscoveryTests {
    /// Runs discovery of the fixture subscription once per test.
    private func discover() async throws -> (DiscoveryResult, ARMFixtureServer) {
        let fixture = try ARMFixtureServer(fixtures: ["arm-subscription", "arm-services"])
        let subscription = try ARMFixtureServer.subscription(fixture: "arm-subscription")
        let discovery = AzureDiscovery(client: fixture.client(), subscriptionID: subscription, fanOutWidth: 4)
        return (await discovery.discover(), fixture)
    }

    private func resource(_ result: DiscoveryResult, _ address: String) throws -> Resource {
        try #require(result.resources.first { $0.address == address }, "no \(address) in \(result.resources.map(\.address))")
    }

    @Test func forbiddenTypeGivesPartialResultWithError() async throws {
        let (result, fixture) = try await discover()
        #expect(result.errors.count == 1)
        let failure = try #require(result.errors.first)
        let error = try #require(failure.underlying as? AzureError)
        #expect(error.armCode == "AuthorizationFailed")
        #expect(error.api == "LIST Microsoft.Compute/disks")
        #expect(error.httpStatus == 403)
        #expect(error.requestID == "req-disks-403")
        #expect(!result.resources.contains { $0.type == "azurerm_managed_disk" })
        #expect(result.resources.contains { $0.type == "azurerm_linux_virtual_machine" })
        // Every request carried the api-version pinned for its type.
        #expect(fixture.armRequests.allSatisfy { $0.target.contains("api-version=") })
        #expect(result.apiCalls == fixture.armRequests.count)
        #expect(fixture.tokensIssued.count == 1)
    }

    @Test func addressesAreDeterministic() async throws {
        let (first, _) = try await discover()
        let (second, _) = try await discover()
        #expect(first.resources.map(\.address) == second.resources.map(\.address))
        #expect(first.resources.map(\.address).contains("azurerm_storage_account.rg-app_stlegacy"))
        #expect(first.resources.map(\.address).contains("azurerm_network_security_rule.rg-app_nsg-web_allow-rdp"))
        #expect(Set(first.resources.map(\.address)).count == first.resources.count)
    }

    @Test func mapsIntoTerraformVocabulary() async throws {
        let (result, _) = try await discover()
        let legacy = try resource(result, "azurerm_storage_account.rg-app_stlegacy")
        #expect(legacy.attributes["https_traffic_only_enabled"] == .bool(false))
        #expect(legacy.attributes["min_tls_version"] == .string("TLS1_0"))
        #expect(legacy.attributes["account_replication_type"] == .string("LRS"))
        guard case .live(let origin) = legacy.origin else {
            Issue.record("not live")
            return
        }
        #expect(origin.id.hasSuffix("/storageAccounts/stlegacy"))
        #expect(origin.account == result.account)
        #expect(origin.region == "westeurope")
        let secure = try resource(result, "azurerm_storage_account.rg-app_stsecure")
        #expect(secure.attributes["network_rules"]?[0]?["bypass"] == .list([.string("AzureServices"), .string("Logging")]))
        #expect(secure.attributes["blob_properties"]?[0]?["delete_retention_policy"]?[0]?["days"] == .number(14))
        #expect(
            secure.attributes["customer_managed_key"]?[0]?["key_vault_key_id"]
                == .string("https://kv-secure.vault.azure.net/keys/cmk"))
        let rule = try resource(result, "azurerm_network_security_rule.rg-app_nsg-web_allow-https-internal")
        #expect(rule.attributes["source_address_prefixes"] == .list([.string("10.0.0.0/8"), .string("192.168.0.0/16")]))
        #expect(rule.attributes["destination_port_ranges"] == .list([.string("443"), .string("8443")]))
        #expect(rule.attributes["source_address_prefix"] == nil)
        #expect(!result.resources.contains { $0.name.contains("allowvnetinbound") })
        let nic = try resource(result, "azurerm_network_interface.rg-app_nic-web")
        #expect(nic.references.map(\.target) == ["azurerm_public_ip.rg-app_pip-web"])
        #expect(!result.resources.contains { $0.type == "azurerm_mssql_database" && $0.attributes["name"] == .string("master") })
        let setting = try resource(result, "azurerm_monitor_diagnostic_setting.rg-app_kv-secure_to-law")
        #expect(setting.attributes["enabled_log"] == .list([.object(["category": .string("AuditEvent")])]))
        #expect(setting.references.map(\.target) == ["azurerm_key_vault.rg-app_kv-secure"])
    }

    @Test func liveResourcesRunThroughTheCheckLibrary() async throws {
        let (result, _) = try await discover()
        let checksDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("checks").path
        let library = CheckLibrary.load(directory: checksDirectory)
        #expect(library.checks.contains { $0.id == "BLW-AZURE-STORAGE-001" }, "check library not found at \(checksDirectory)")
        let results = CheckEngine(checks: library.checks).evaluate(graph: ResourceGraph(result.resources))
        func verdict(_ check: String, _ address: String) -> Verdict? {
            results.first { $0.checkID == check && $0.resourceAddress == address }?.verdict
        }
        let legacy = "azurerm_storage_account.rg-app_stlegacy"
        let secure = "azurerm_storage_account.rg-app_stsecure"
        #expect(verdict("BLW-AZURE-STORAGE-001", legacy) == .failed)
        #expect(verdict("BLW-AZURE-STORAGE-002", legacy) == .failed)
        #expect(verdict("BLW-AZURE-STORAGE-001", secure) == .passed)
        #expect(verdict("BLW-AZURE-STORAGE-002", secure) == .passed)
        #expect(verdict("BLW-AZURE-STORAGE-005", secure) == .passed)
        #expect(verdict("BLW-AZURE-STORAGE-007", secure) == .passed)
        #expect(verdict("BLW-AZURE-STORAGE-007", legacy) == .failed)
        #expect(verdict("BLW-AZURE-STORAGE-010", secure) == .passed)
        #expect(verdict("BLW-AZURE-NETWORK-001", "azurerm_network_security_rule.rg-app_nsg-web_allow-rdp") == .failed)
        #expect(verdict("BLW-AZURE-NETWORK-001", "azurerm_network_security_rule.rg-app_nsg-web_allow-https-internal") == .passed)
        #expect(verdict("BLW-AZURE-NETWORK-005", "azurerm_network_security_rule.rg-app_nsg-web_allow-https-internal") == .passed)
        #expect(verdict("BLW-AZURE-NETWORK-007", "azurerm_network_interface.rg-app_nic-web") == .failed)
        #expect(verdict("BLW-AZURE-KEYVAULT-001", "azurerm_key_vault.rg-app_kv-legacy") == .failed)
        #expect(verdict("BLW-AZURE-KEYVAULT-001", "azurerm_key_vault.rg-app_kv-secure") == .passed)
        #expect(verdict("BLW-AZURE-KEYVAULT-007", "azurerm_key_vault.rg-app_kv-secure") == .passed)
        #expect(verdict("BLW-AZURE-KEYVAULT-007", "azurerm_key_vault.rg-app_kv-legacy") == .failed)
        #expect(verdict("BLW-AZURE-SQL-009", "azurerm_mssql_database.rg-app_sql-app_reports") == .failed)
        #expect(verdict("BLW-AZURE-SQL-009", "azurerm_mssql_database.rg-app_sql-app_orders") == .passed)
        #expect(verdict("BLW-AZURE-SQL-003", "azurerm_mssql_firewall_rule.rg-app_sql-app_allow-all") == .failed)
        #expect(verdict("BLW-AZURE-SQL-003", "azurerm_mssql_firewall_rule.rg-app_sql-app_office") == .passed)
        #expect(verdict("BLW-AZURE-SQL-001", "azurerm_mssql_server.rg-app_sql-app") == .passed)
        #expect(verdict("BLW-AZURE-SQL-002", "azurerm_mssql_server.rg-app_sql-app") == .failed)
        #expect(verdict("BLW-AZURE-SQL-005", "azurerm_mssql_server.rg-app_sql-app") == .passed)
        #expect(verdict("BLW-AZURE-DEFENDER-001", "azurerm_security_center_subscription_pricing.dns") == .failed)
        #expect(verdict("BLW-AZURE-DEFENDER-001", "azurerm_security_center_subscription_pricing.virtualmachines") == .passed)
        #expect(verdict("BLW-AZURE-VM-001", "azurerm_linux_virtual_machine.rg-app_vm-web") == .failed)
        let subscription = "data.azurerm_subscription.sub_" + result.account
        #expect(verdict("BLW-AZURE-MONITOR-001", subscription) == .passed)
    }
}
