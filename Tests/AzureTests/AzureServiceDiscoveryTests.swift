import Azure
import Checks
import Discovery
import Foundation
import Model
import Scanner
import TestSupport
import Testing

/// Discovery of the platform services (containers, App Service, databases, messaging, networking, edge firewalls,
/// Key Vault items, Monitor, Defender, RBAC, Policy) against recorded-shape ARM responses.
@Suite struct AzureServiceDiscoveryTests {
    static let fixtures = ["arm-subscription", "arm-services", "graph-tenant"]

    private func discover() async throws -> DiscoveryResult {
        let fixture = try ARMFixtureServer(fixtures: Self.fixtures)
        let subscription = try ARMFixtureServer.subscription(fixture: "arm-subscription")
        return await AzureDiscovery(
            client: fixture.client(), subscriptionID: subscription, fanOutWidth: 4,
            graph: GraphDiscoveryTests.graph(fixture)
        ).discover()
    }

    /// The one resource of `type` whose `name` (or `setting_name`) is `name`.
    private func find(_ result: DiscoveryResult, _ type: String, _ name: String) throws -> Resource {
        let matches = result.resources.filter {
            $0.type == type && ($0.attributes["name"] == .string(name) || $0.attributes["setting_name"] == .string(name))
        }
        return try #require(matches.count == 1 ? matches.first : nil, "\(matches.count) \(type) named \(name)")
    }

    private static var library: CheckLibrary {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("checks").path
        return CheckLibrary.load(directory: directory)
    }

    @Test func supportedTypesAreSortedOwnedAndRead() async throws {
        let types = AzureDiscovery.supportedTypes
        #expect(types.count >= 30)
        #expect(types == types.sorted())
        let owned = Set(ServiceTypes.owners.filter { $0.value.cloud == "azure" }.keys)
        #expect(Set(types) == owned)
        let result = try await discover()
        let read = Set(result.resources.filter { $0.mode == .managed }.map(\.type))
        #expect(read.isSubset(of: Set(types)), "\(read.subtracting(types))")
        // Types the fixture subscription has no example of: the other OS or scope of a type it does hold, the disks
        // it is denied, and the legacy log profile it never set up.
        let absent: Set<String> = [
            "azurerm_windows_virtual_machine", "azurerm_windows_web_app", "azurerm_windows_function_app",
            "azurerm_frontdoor_firewall_policy", "azurerm_resource_group_policy_assignment",
            "azurerm_resource_policy_assignment", "azurerm_managed_disk", "azurerm_monitor_log_profile",
        ]
        #expect(Set(types).subtracting(read) == absent)
        #expect(result.errors.count == 1)
    }

    @Test func mapsContainerAndAppServiceAttributes() async throws {
        let result = try await discover()
        let aks = try find(result, "azurerm_kubernetes_cluster", "aks-open")
        #expect(aks.attributes["role_based_access_control_enabled"] == .bool(false))
        #expect(aks.attributes["default_node_pool"]?[0]?["node_public_ip_enabled"] == .bool(true))
        #expect(aks.attributes["oms_agent"]?[0]?["log_analytics_workspace_id"]?.stringValue?.hasSuffix("law-svc") == true)
        let privateCluster = try find(result, "azurerm_kubernetes_cluster", "aks-private")
        #expect(privateCluster.attributes["default_node_pool"]?[0]?["name"] == .string("system"))
        #expect(privateCluster.attributes["default_node_pool"]?[0]?["only_critical_addons_enabled"] == .bool(true))
        #expect(privateCluster.attributes["azure_policy_enabled"] == .bool(true))
        #expect(privateCluster.attributes["key_vault_secrets_provider"]?[0]?["secret_rotation_enabled"] == .bool(true))
        let registry = try find(result, "azurerm_container_registry", "acrsvc")
        #expect(registry.attributes["admin_enabled"] == .bool(true))
        #expect(registry.attributes["retention_policy_in_days"] == nil)
        let app = try find(result, "azurerm_linux_web_app", "app-open")
        #expect(app.attributes["site_config"]?[0]?["minimum_tls_version"] == .string("1.0"))
        #expect(app.attributes["site_config"]?[0]?["cors"]?[0]?["allowed_origins"] == .list([.string("*")]))
        #expect(app.attributes["auth_settings_v2"] == .unknown)
        let function = try find(result, "azurerm_linux_function_app", "func-secure")
        #expect(function.attributes["identity"]?[0]?["type"] == .string("SystemAssigned"))
        #expect(function.attributes["logs"]?[0]?["http_logs"]?[0]?["file_system"]?[0]?["retention_in_days"] == .number(30))
    }

    @Test func mapsDataMessagingAndNetworkAttributes() async throws {
        let result = try await discover()
        let cosmos = try find(result, "azurerm_cosmosdb_account", "cosmos-svc")
        #expect(cosmos.attributes["ip_range_filter"] == .list([.string("0.0.0.0")]))
        #expect(cosmos.attributes["local_authentication_disabled"] == .bool(false))
        let pg = try find(result, "azurerm_postgresql_flexible_server", "pg-svc")
        #expect(pg.attributes["geo_redundant_backup_enabled"] == .bool(false))
        let parameter = try find(result, "azurerm_postgresql_flexible_server_configuration", "require_secure_transport")
        #expect(parameter.attributes["value"] == .string("off"))
        #expect(parameter.references.map(\.target) == [pg.address])
        let redis = try find(result, "azurerm_redis_cache", "redis-svc")
        #expect(redis.attributes["non_ssl_port_enabled"] == .bool(true))
        let hub = try find(result, "azurerm_eventhub_namespace", "evh-svc")
        #expect(hub.attributes["local_authentication_enabled"] == .bool(true))
        #expect(hub.attributes["local_auth_enabled"] == nil)
        let bus = try find(result, "azurerm_servicebus_namespace", "sb-svc")
        #expect(
            bus.attributes["customer_managed_key"]?[0]?["key_vault_key_id"]
                == .string("https://kv-secure.vault.azure.net/keys/sb-cmk"))
        let web = try find(result, "azurerm_subnet", "snet-web")
        let association = try #require(
            result.resources.first { $0.type == "azurerm_subnet_network_security_group_association" })
        #expect(Set(association.references.map(\.target)) == [web.address, "azurerm_network_security_group.rg-app_nsg-web"])
        let netapp = try find(result, "azurerm_subnet", "snet-netapp")
        #expect(netapp.attributes["delegation"]?[0]?["service_delegation"]?[0]?["name"] == .string("Microsoft.Netapp/volumes"))
        let flow = try find(result, "azurerm_network_watcher_flow_log", "fl-nsg-web")
        #expect(flow.attributes["retention_policy"]?[0]?["days"] == .number(30))
        #expect(flow.attributes["traffic_analytics"]?[0]?["interval_in_minutes"] == .number(10))
        let gateway = try find(result, "azurerm_application_gateway", "agw-svc")
        #expect(gateway.references.map(\.target).contains { $0.hasPrefix("azurerm_web_application_firewall_policy.") })
        let policy = try find(result, "azurerm_cdn_frontdoor_firewall_policy", "fdwafdetect")
        #expect(policy.attributes["mode"] == .string("Detection"))
        let key = try find(result, "azurerm_key_vault_key", "cmk")
        #expect(key.attributes["expiration_date"] == .string("2028-01-01T00:00:00Z"))
        #expect(key.attributes["key_type"] == .string("RSA-HSM"))
        let secure = try find(result, "azurerm_storage_account", "stsecure")
        #expect(secure.attributes["share_properties"]?[0]?["retention_policy"]?[0]?["days"] == .number(14))
    }

    @Test func mapsSubscriptionGovernance() async throws {
        let result = try await discover()
        let alert = try find(result, "azurerm_monitor_activity_log_alert", "alert-policy-create")
        #expect(
            alert.attributes["criteria"]?[0]?["operation_name"] == .string("Microsoft.Authorization/policyAssignments/write"))
        #expect(alert.references.map(\.target).contains("data.azurerm_subscription.sub_" + result.account))
        let contact = try find(result, "azurerm_security_center_contact", "default")
        #expect(contact.attributes["email"] == .string("secops@example.com"))
        #expect(!result.resources.contains { $0.attributes["setting_name"] == .string("Sentinel") })
        let role = try find(result, "azurerm_role_definition", "Subscription Everything")
        #expect(role.attributes["permissions"]?[0]?["actions"] == .list([.string("*")]))
        let inherited = try find(result, "azurerm_management_group_policy_assignment", "deny-regions")
        #expect(inherited.attributes["enforce"] == .bool(false))
        let local = try find(result, "azurerm_subscription_policy_assignment", "asc-default")
        #expect(local.attributes["subscription_id"] == .string("/subscriptions/" + result.account))
        let assignment = try #require(result.resources.first { $0.type == "azurerm_role_assignment" })
        #expect(assignment.attributes["principal_type"] == .string("User"))
    }

    @Test func checksFireOnMisconfiguredServices() async throws {
        let result = try await discover()
        let results = CheckEngine(checks: Self.library.checks).evaluate(graph: ResourceGraph(result.resources))
        func verdict(_ check: String, _ type: String, _ name: String) throws -> Verdict.Kind? {
            let address = try find(result, type, name).address
            return results.first { $0.checkID == check && $0.resourceAddress == address }?.verdict.kind
        }
        let expectations: [(String, String, String, Verdict.Kind)] = [
            ("BLW-AZURE-AKS-001", "azurerm_kubernetes_cluster", "aks-open", .failed),
            ("BLW-AZURE-AKS-001", "azurerm_kubernetes_cluster", "aks-private", .passed),
            ("BLW-AZURE-AKS-010", "azurerm_kubernetes_cluster", "aks-open", .failed),
            ("BLW-AZURE-AKS-013", "azurerm_kubernetes_cluster", "aks-private", .passed),
            ("BLW-AZURE-ACR-001", "azurerm_container_registry", "acrsvc", .failed),
            ("BLW-AZURE-APPSERVICE-001", "azurerm_linux_web_app", "app-open", .failed),
            ("BLW-AZURE-APPSERVICE-001", "azurerm_linux_function_app", "func-secure", .passed),
            ("BLW-AZURE-APPSERVICE-002", "azurerm_linux_web_app", "app-open", .failed),
            ("BLW-AZURE-APPSERVICE-012", "azurerm_linux_web_app", "app-open", .failed),
            ("BLW-AZURE-APPSERVICE-004", "azurerm_linux_web_app", "app-open", .unknown),
            ("BLW-AZURE-COSMOS-001", "azurerm_cosmosdb_account", "cosmos-svc", .failed),
            ("BLW-AZURE-POSTGRES-005", "azurerm_postgresql_flexible_server", "pg-svc", .failed),
            ("BLW-AZURE-POSTGRES-006", "azurerm_postgresql_flexible_server", "pg-svc", .passed),
            ("BLW-AZURE-MYSQL-003", "azurerm_mysql_flexible_server", "mysql-svc", .passed),
            ("BLW-AZURE-MYSQL-005", "azurerm_mysql_flexible_server", "mysql-svc", .failed),
            ("BLW-AZURE-REDIS-001", "azurerm_redis_cache", "redis-svc", .failed),
            ("BLW-AZURE-EVENTHUB-001", "azurerm_eventhub_namespace", "evh-svc", .failed),
            ("BLW-AZURE-SERVICEBUS-001", "azurerm_servicebus_namespace", "sb-svc", .passed),
            ("BLW-AZURE-SERVICEBUS-004", "azurerm_servicebus_namespace", "sb-svc", .passed),
            ("BLW-AZURE-NETWORK-009", "azurerm_subnet", "snet-app", .failed),
            ("BLW-AZURE-NETWORK-009", "azurerm_subnet", "snet-web", .passed),
            ("BLW-AZURE-NETWORK-009", "azurerm_subnet", "snet-netapp", .passed),
            ("BLW-AZURE-NETWORK-006", "azurerm_network_watcher_flow_log", "fl-nsg-web", .failed),
            ("BLW-AZURE-APPGW-001", "azurerm_application_gateway", "agw-svc", .failed),
            ("BLW-AZURE-APPGW-003", "azurerm_application_gateway", "agw-svc", .passed),
            ("BLW-AZURE-WAF-002", "azurerm_web_application_firewall_policy", "wafpol-detect", .failed),
            ("BLW-AZURE-FRONTDOOR-001", "azurerm_frontdoor", "fd-svc", .failed),
            ("BLW-AZURE-FRONTDOOR-002", "azurerm_cdn_frontdoor_firewall_policy", "fdwafdetect", .failed),
            ("BLW-AZURE-KEYVAULT-003", "azurerm_key_vault_key", "legacy-key", .failed),
            ("BLW-AZURE-KEYVAULT-003", "azurerm_key_vault_key", "cmk", .passed),
            ("BLW-AZURE-KEYVAULT-004", "azurerm_key_vault_secret", "db-password", .failed),
            ("BLW-AZURE-KEYVAULT-004", "azurerm_key_vault_secret", "api-token", .passed),
            ("BLW-AZURE-DEFENDER-009", "azurerm_security_center_contact", "default", .failed),
            ("BLW-AZURE-DEFENDER-010", "azurerm_security_center_contact", "default", .passed),
            ("BLW-AZURE-DEFENDER-017", "azurerm_security_center_auto_provisioning", "", .failed),
            ("BLW-AZURE-DEFENDER-018", "azurerm_security_center_setting", "MCAS", .failed),
            ("BLW-AZURE-DEFENDER-018", "azurerm_security_center_setting", "WDATP", .passed),
            ("BLW-AZURE-IAM-001", "azurerm_role_definition", "Subscription Everything", .failed),
            ("BLW-AZURE-IAM-001", "azurerm_role_definition", "VM Restarter", .passed),
        ]
        for (check, type, name, expected) in expectations {
            let actual: Verdict.Kind?
            if name.isEmpty {
                actual = results.first { $0.checkID == check && $0.resourceType == type }?.verdict.kind
            } else {
                actual = try verdict(check, type, name)
            }
            #expect(actual == expected, "\(check) on \(type) \(name)")
        }
        let subscription = "data.azurerm_subscription.sub_" + result.account
        func onSubscription(_ check: String) -> Verdict.Kind? {
            results.first { $0.checkID == check && $0.resourceAddress == subscription }?.verdict.kind
        }
        #expect(onSubscription("BLW-AZURE-MONITOR-002") == .passed)
        // The delete alert exists but is disabled, so it is not credited.
        #expect(onSubscription("BLW-AZURE-MONITOR-003") == .failed)
    }

    @Test func unreadChildSettingsAreUnknownNotFailed() async throws {
        let sub = "00000000-0000-0000-0000-0000000000c3"
        let server = "/subscriptions/\(sub)/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/pg-denied"
        let site = "/subscriptions/\(sub)/resourceGroups/rg/providers/Microsoft.Web/sites/app-denied"
        let denied = #"{"error":{"code":"AuthorizationFailed","message":"denied"}}"#
        let fixture = try ARMFixtureServer { request in
            let path = request.path.lowercased()
            if path.hasSuffix("/providers/microsoft.dbforpostgresql/flexibleservers") {
                return CannedResponse(
                    text: #"{"value":[{"id":"\#(server)","name":"pg-denied","location":"westeurope","properties":{}}]}"#)
            }
            if path.hasSuffix("/providers/microsoft.web/sites") {
                return CannedResponse(
                    text: #"{"value":[{"id":"\#(site)","name":"app-denied","kind":"app","properties":{"httpsOnly":true}}]}"#)
            }
            if path.contains("/configurations/") || path.contains("/config/") {
                return CannedResponse(status: 403, text: denied)
            }
            return CannedResponse(text: #"{"value":[]}"#)
        }
        let result = await AzureDiscovery(client: fixture.client(), subscriptionID: sub, fanOutWidth: 2).discover()
        // Four PostgreSQL parameters are read per server, two settings documents per site.
        #expect(result.errors.count == 4 + 2)
        #expect(result.errors.allSatisfy { $0.code == .accessDenied })
        let results = CheckEngine(checks: Self.library.checks).evaluate(graph: ResourceGraph(result.resources))
        func kind(_ check: String, _ type: String) -> Verdict.Kind? {
            results.first { $0.checkID == check && $0.resourceType == type }?.verdict.kind
        }
        #expect(kind("BLW-AZURE-POSTGRES-005", "azurerm_postgresql_flexible_server") == .unknown)
        #expect(kind("BLW-AZURE-APPSERVICE-002", "azurerm_windows_web_app") == .unknown)
        #expect(kind("BLW-AZURE-APPSERVICE-001", "azurerm_windows_web_app") == .passed)
        #expect(result.unread.contains { $0.type == "azurerm_postgresql_flexible_server_configuration" })
    }
}
