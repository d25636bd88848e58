import Azure
import CloudHTTP
import Model

/// Discovers one subscription through ARM and maps it into `azurerm_*` resources. Every resource type is read
/// independently: one that fails (403 `AuthorizationFailed`, throttling that outlasts retries, a malformed body)
/// adds an error naming its API and the rest carry on.
public struct AzureDiscovery: Sendable {
    let client: ARMClient
    /// Microsoft Graph, for the Entra ID tenant settings; nil leaves them unread.
    let graph: GraphClient?
    public let subscriptionID: String
    private let fanOutWidth: Int

    /// Every Terraform resource type this discovery reads (the `azuread_*` ones with Graph), sorted (`bulwark discover --list-types` prints it).
    public static let supportedTypes: [String] = [
        "azuread_authorization_policy", "azuread_conditional_access_policy", "azuread_security_defaults_policy",
        "azurerm_application_gateway", "azurerm_cdn_frontdoor_firewall_policy", "azurerm_container_registry",
        "azurerm_cosmosdb_account", "azurerm_eventhub_namespace", "azurerm_frontdoor",
        "azurerm_frontdoor_firewall_policy", "azurerm_key_vault", "azurerm_key_vault_key", "azurerm_key_vault_secret",
        "azurerm_kubernetes_cluster", "azurerm_linux_function_app", "azurerm_linux_virtual_machine",
        "azurerm_linux_web_app", "azurerm_managed_disk", "azurerm_management_group_policy_assignment",
        "azurerm_monitor_activity_log_alert", "azurerm_monitor_diagnostic_setting", "azurerm_monitor_log_profile",
        "azurerm_mssql_database", "azurerm_mssql_firewall_rule", "azurerm_mssql_server",
        "azurerm_mssql_server_extended_auditing_policy", "azurerm_mssql_server_transparent_data_encryption",
        "azurerm_mysql_flexible_server", "azurerm_mysql_flexible_server_configuration", "azurerm_network_interface",
        "azurerm_network_security_group", "azurerm_network_security_rule", "azurerm_network_watcher_flow_log",
        "azurerm_postgresql_flexible_server", "azurerm_postgresql_flexible_server_configuration", "azurerm_public_ip",
        "azurerm_redis_cache", "azurerm_resource_group_policy_assignment", "azurerm_resource_policy_assignment",
        "azurerm_role_assignment", "azurerm_role_definition", "azurerm_security_center_auto_provisioning",
        "azurerm_security_center_contact", "azurerm_security_center_setting",
        "azurerm_security_center_subscription_pricing", "azurerm_servicebus_namespace", "azurerm_storage_account",
        "azurerm_subnet", "azurerm_subnet_network_security_group_association",
        "azurerm_subscription_policy_assignment", "azurerm_virtual_network", "azurerm_web_application_firewall_policy",
        "azurerm_windows_function_app", "azurerm_windows_virtual_machine", "azurerm_windows_web_app",
    ]

    /// Creates a discovery of `subscriptionID`; per-item reads (blob service, SQL children, vault diagnostics) run
    /// `fanOutWidth` at a time, under the client's own cap on requests in flight.
    /// With `graph`, the tenant's security defaults, conditional access and authorization policies are read too.
    public init(client: ARMClient, subscriptionID: String, fanOutWidth: Int = 16, graph: GraphClient? = nil) {
        self.client = client
        self.graph = graph
        self.subscriptionID = subscriptionID
        self.fanOutWidth = max(1, fanOutWidth)
    }

    /// Reads every supported resource type and returns what was read, what failed (one `DiscoveryError` per failed
    /// ARM call, its service the resource type the API reads), and the calls it took.
    public func discover() async -> DiscoveryResult {
        var collectors: [@Sendable () async -> Harvest] = [
            storage, sqlServers, keyVaults, subscriptionMonitoring,
            listed("Microsoft.Compute/virtualMachines") { [ComputeMapping.virtualMachine($0)] },
            listed("Microsoft.Compute/disks") { [ComputeMapping.disk($0)] },
            listed("Microsoft.Network/networkInterfaces") { [NetworkMapping.networkInterface($0)] },
            listed("Microsoft.Network/publicIPAddresses") { [NetworkMapping.publicIP($0)] },
            listed("Microsoft.Network/networkSecurityGroups", NetworkMapping.securityGroup),
            listed("Microsoft.Security/pricings") { [MonitorMapping.pricing($0)] },
        ]
        collectors += serviceCollectors
        if let graph { collectors.append(entra(graph)) }
        var harvest = Harvest(drafts: [MonitorMapping.subscription(subscriptionID)])
        await withTaskGroup(of: Harvest.self) { group in
            for collect in collectors { group.addTask { await collect() } }
            for await part in group { harvest.merge(part) }
        }
        let errors = harvest.errors.sorted { ($0.api, $0.resourceID) < ($1.api, $1.resourceID) }
        var tallies = await client.counter.byAPI
        if let graph { tallies.merge(await graph.counter.byAPI) { arm, _ in arm } }
        let callsByAPI = tallies.mapValues(\.calls)
        var byProvider: [String: Int] = [:]
        for (api, calls) in callsByAPI {
            let service = api.split(separator: " ", maxSplits: 1).last.map(String.init) ?? api
            byProvider[service.split(separator: "/").first.map(String.init) ?? service, default: 0] += calls
        }
        return DiscoveryResult(
            resources: LiveAddressing.azure.resources(harvest.drafts, account: subscriptionID),
            errors: errors.map { DiscoveryError(arm: $0) }, apiCalls: tallies.values.reduce(0) { $0 + $1.calls },
            callsByService: byProvider, callsByOperation: callsByAPI,
            httpAttempts: tallies.values.reduce(0) { $0 + $1.attempts }, regions: [], account: subscriptionID,
            unread: LiveAddressing.azure.resources(harvest.unread, account: subscriptionID),
            stoppedServices: await StoppedService.stopped(by: client.callGuard),
            deadlineExceeded: errors.contains { $0.code == .deadlineExceeded })
    }

    var scope: String { "/subscriptions/\(subscriptionID)" }

    /// Lists `provider` under the subscription, or records the failure.
    func listAll(_ resourceType: String, into harvest: inout Harvest) async -> [ARMObject] {
        do {
            return try await client.list("\(scope)/providers/\(resourceType)", resourceType: resourceType)
                .map(ARMObject.init)
        } catch {
            harvest.errors.append(error)
            return []
        }
    }

    /// Runs `body` over `items`, `fanOutWidth` at a time, keeping input order.
    func fanOut<T: Sendable, R: Sendable>(_ items: [T], _ body: @escaping @Sendable (T) async -> R) async -> [R] {
        var results = [R?](repeating: nil, count: items.count)
        await withTaskGroup(of: (Int, R).self) { group in
            var next = 0
            func launch() {
                guard next < items.count else { return }
                let index = next
                let item = items[index]
                group.addTask { (index, await body(item)) }
                next += 1
            }
            for _ in 0..<min(fanOutWidth, items.count) { launch() }
            for await (index, result) in group {
                results[index] = result
                launch()
            }
        }
        return results.compactMap { $0 }
    }

    /// A GET whose failure is returned, not thrown, so one child read never sinks its parent.
    func read(_ path: String, _ resourceType: String) async -> Result<Value, AzureError> {
        do { return .success(try await client.get(path, resourceType: resourceType)) } catch { return .failure(error) }
    }

    /// A list whose failure is returned, not thrown.
    func readList(_ path: String, _ resourceType: String) async -> Result<[Value], AzureError> {
        do { return .success(try await client.list(path, resourceType: resourceType)) } catch { return .failure(error) }
    }

    private func storage() async -> Harvest {
        var harvest = Harvest()
        let accounts = await listAll("Microsoft.Storage/storageAccounts", into: &harvest)
        let blobs = await fanOut(accounts) { account -> Result<Value, AzureError>? in
            // Only these kinds have a blob service; asking the others would be a guaranteed error.
            guard ["StorageV2", "Storage", "BlobStorage", "BlockBlobStorage"].contains(account.string("kind") ?? "StorageV2")
            else { return nil }
            return await read(account.id + "/blobServices/default", "Microsoft.Storage/storageAccounts/blobServices")
        }
        let files = await fanOut(accounts) { account -> Result<Value, AzureError>? in
            // Blob-only kinds have no file service.
            guard ["StorageV2", "Storage", "FileStorage"].contains(account.string("kind") ?? "StorageV2") else { return nil }
            return await read(account.id + "/fileServices/default", "Microsoft.Storage/storageAccounts/fileServices")
        }
        for ((account, blob), file) in zip(zip(accounts, blobs), files) {
            if case .failure(let error)? = blob { harvest.errors.append(error) }
            if case .failure(let error)? = file { harvest.errors.append(error) }
            harvest.drafts.append(StorageMapping.account(account, blob: blob, file: file))
        }
        return harvest
    }

    /// A type that one subscription-wide list maps completely, with no per-item reads.
    func listed(
        _ resourceType: String, _ map: @escaping @Sendable (ARMObject) -> [LiveResource]
    )
        -> @Sendable () async -> Harvest
    {
        { [self] in
            var harvest = Harvest()
            harvest.drafts = await listAll(resourceType, into: &harvest).flatMap(map)
            return harvest
        }
    }

    private func sqlServers() async -> Harvest {
        var harvest = Harvest()
        let servers = await listAll("Microsoft.Sql/servers", into: &harvest)
        let parts = await fanOut(servers) { server in await self.sqlServer(server) }
        for part in parts { harvest.merge(part) }
        return harvest
    }

    /// One server with its databases (and their TDE state), firewall rules, auditing and TDE protector.
    private func sqlServer(_ server: ARMObject) async -> Harvest {
        var harvest = Harvest(drafts: [SQLMapping.server(server)])
        async let databases = readList(server.id + "/databases", "Microsoft.Sql/servers/databases")
        async let rules = readList(server.id + "/firewallRules", "Microsoft.Sql/servers/firewallRules")
        async let auditing = read(
            server.id + "/extendedAuditingSettings/default",
            "Microsoft.Sql/servers/extendedAuditingSettings")
        async let protector = read(server.id + "/encryptionProtector/current", "Microsoft.Sql/servers/encryptionProtector")
        switch await rules {
        case .success(let items): harvest.drafts += items.map { SQLMapping.firewallRule(ARMObject($0), server: server) }
        case .failure(let error): harvest.errors.append(error)
        }
        // An unread auditing policy or protector is kept for drift only: the checks ask whether one exists.
        switch await auditing {
        case .success(let value): harvest.drafts.append(SQLMapping.auditing(ARMObject(value), server: server))
        case .failure(let error):
            harvest.errors.append(error)
            harvest.notRead(SQLMapping.auditing(ARMObject(.object([:])), server: server), keep: ["server_id"], checked: false)
        }
        switch await protector {
        case .success(let value): harvest.drafts.append(SQLMapping.encryptionProtector(ARMObject(value), server: server))
        case .failure(let error):
            harvest.errors.append(error)
            harvest.notRead(
                SQLMapping.encryptionProtector(ARMObject(.object([:])), server: server), keep: ["server_id"], checked: false)
        }
        switch await databases {
        case .success(let items):
            // `master` is the server's system database; Terraform never manages it.
            let user = items.map(ARMObject.init).filter { $0.name.lowercased() != "master" }
            let tdes = await fanOut(user) { database in
                await self.read(
                    database.id + "/transparentDataEncryption/current",
                    "Microsoft.Sql/servers/databases/transparentDataEncryption")
            }
            for (database, tde) in zip(user, tdes) {
                if case .failure(let error) = tde { harvest.errors.append(error) }
                harvest.drafts.append(SQLMapping.database(database, server: server, tde: tde))
            }
        case .failure(let error): harvest.errors.append(error)
        }
        return harvest
    }

    private func keyVaults() async -> Harvest {
        var harvest = Harvest()
        let vaults = await listAll("Microsoft.KeyVault/vaults", into: &harvest)
        let settings = await fanOut(vaults) { vault in
            await self.readList(
                vault.id + "/providers/Microsoft.Insights/diagnosticSettings",
                "Microsoft.Insights/diagnosticSettings")
        }
        let items = await fanOut(vaults) { vault in await self.vaultItems(vault) }
        for part in items { harvest.merge(part) }
        for (vault, setting) in zip(vaults, settings) {
            harvest.drafts.append(KeyVaultMapping.vault(vault))
            switch setting {
            case .success(let items):
                harvest.drafts += items.map {
                    MonitorMapping.diagnosticSetting(
                        ARMObject($0), targetID: vault.id,
                        targetLabel: StorageMapping.label(vault))
                }
            case .failure(let error):
                harvest.errors.append(error)
                harvest.notRead(
                    MonitorMapping.unreadDiagnosticSettings(targetID: vault.id, targetLabel: StorageMapping.label(vault)),
                    keep: ["target_resource_id"], checked: true)
            }
        }
        return harvest
    }

    private func subscriptionMonitoring() async -> Harvest {
        var harvest = Harvest()
        let failedBefore = harvest.errors.count
        harvest.drafts = await listAll("Microsoft.Insights/diagnosticSettings", into: &harvest).map {
            MonitorMapping.diagnosticSetting($0, targetID: scope, targetLabel: "sub_" + subscriptionID)
        }
        if harvest.errors.count > failedBefore {
            harvest.notRead(
                MonitorMapping.unreadDiagnosticSettings(targetID: scope, targetLabel: "sub_" + subscriptionID),
                keep: ["target_resource_id"], checked: true)
        }
        harvest.drafts += await listAll("Microsoft.Insights/logprofiles", into: &harvest).map(MonitorMapping.logProfile)
        return harvest
    }
}
