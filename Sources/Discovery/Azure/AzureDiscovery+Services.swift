import Azure
import Model

extension AzureDiscovery {
    /// The collectors of the platform services: one subscription-wide list each, plus per-item reads where the
    /// settings the checks judge live in a child resource.
    var serviceCollectors: [@Sendable () async -> Harvest] {
        [
            listed("Microsoft.ContainerService/managedClusters") { [ContainerMapping.kubernetesCluster($0)] },
            listed("Microsoft.ContainerRegistry/registries") { [ContainerMapping.containerRegistry($0)] },
            listed("Microsoft.DocumentDB/databaseAccounts") { [DatabaseMapping.cosmosAccount($0)] },
            listed("Microsoft.Cache/redis") { [DatabaseMapping.redisCache($0)] },
            listed("Microsoft.EventHub/namespaces") { [MessagingMapping.eventHubNamespace($0)] },
            listed("Microsoft.ServiceBus/namespaces") { [MessagingMapping.serviceBusNamespace($0)] },
            listed("Microsoft.Network/virtualNetworks", VirtualNetworkMapping.virtualNetwork),
            listed("Microsoft.Network/applicationGateways") { [WebFirewallMapping.applicationGateway($0)] },
            listed("Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies") {
                [WebFirewallMapping.applicationGatewayPolicy($0)]
            },
            listed("Microsoft.Network/frontDoors") { [WebFirewallMapping.frontDoor($0)] },
            listed("Microsoft.Network/FrontDoorWebApplicationFirewallPolicies") {
                [WebFirewallMapping.frontDoorPolicy($0)]
            },
            listed("Microsoft.Insights/activityLogAlerts") { [MonitorMapping.activityLogAlert($0)] },
            listed("Microsoft.Security/securityContacts") { [DefenderMapping.contact($0)] },
            listed("Microsoft.Security/autoProvisioningSettings") { [DefenderMapping.autoProvisioning($0)] },
            listed("Microsoft.Security/settings") { DefenderMapping.setting($0).map { [$0] } ?? [] },
            listed("Microsoft.Authorization/roleAssignments") { [AuthorizationMapping.roleAssignment($0)] },
            listed("Microsoft.Authorization/policyAssignments") { [AuthorizationMapping.policyAssignment($0)] },
            customRoles, webApps, flowLogs,
            flexibleServers(
                "Microsoft.DBforPostgreSQL/flexibleServers", type: "azurerm_postgresql_flexible_server",
                parameters: DatabaseMapping.postgresParameters),
            flexibleServers(
                "Microsoft.DBforMySQL/flexibleServers", type: "azurerm_mysql_flexible_server",
                parameters: DatabaseMapping.mysqlParameters),
        ]
    }

    /// Custom role definitions only: the built-in ones number in the hundreds and no Terraform manages them.
    private func customRoles() async -> Harvest {
        var harvest = Harvest()
        let type = "Microsoft.Authorization/roleDefinitions"
        do {
            harvest.drafts = try await client.list(
                "\(scope)/providers/\(type)", resourceType: type, query: [("$filter", "type eq 'CustomRole'")]
            ).map { AuthorizationMapping.roleDefinition(ARMObject($0)) }
        } catch {
            harvest.errors.append(error)
        }
        return harvest
    }

    /// Sites with their `config/web` and `config/logs`, which the list leaves out.
    private func webApps() async -> Harvest {
        var harvest = Harvest()
        let sites = await listAll("Microsoft.Web/sites", into: &harvest)
        let drafts = await fanOut(sites) { site -> (LiveResource, [AzureError]) in
            async let web = self.read(site.id + "/config/web", "Microsoft.Web/sites/config")
            async let logs = self.read(site.id + "/config/logs", "Microsoft.Web/sites/config")
            let (w, l) = await (web, logs)
            let errors = [w, l].compactMap { result -> AzureError? in
                if case .failure(let error) = result { return error }
                return nil
            }
            return (AppServiceMapping.site(site, web: w, logs: l), errors)
        }
        for (draft, errors) in drafts {
            harvest.drafts.append(draft)
            harvest.errors += errors
        }
        return harvest
    }

    /// Flow logs live under each network watcher (one per region that has networking).
    private func flowLogs() async -> Harvest {
        var harvest = Harvest()
        let watchers = await listAll("Microsoft.Network/networkWatchers", into: &harvest)
        let logs = await fanOut(watchers) { watcher in
            await self.readList(watcher.id + "/flowLogs", "Microsoft.Network/networkWatchers/flowLogs")
        }
        for (watcher, result) in zip(watchers, logs) {
            switch result {
            case .success(let items):
                harvest.drafts += items.map { VirtualNetworkMapping.flowLog(ARMObject($0), watcher: watcher) }
            case .failure(let error): harvest.errors.append(error)
            }
        }
        return harvest
    }

    /// Flexible servers of one engine with the server parameters the checks judge, each read by name; a parameter
    /// that could not be read is kept as a configuration whose value is unknown.
    private func flexibleServers(
        _ resourceType: String, type: String, parameters: [String]
    ) -> @Sendable () async -> Harvest {
        { [self] in
            var harvest = Harvest()
            let servers = await listAll(resourceType, into: &harvest)
            let pairs = servers.flatMap { server in parameters.map { (server, $0) } }
            let values = await fanOut(pairs) { pair in
                await self.read(pair.0.id + "/configurations/" + pair.1, resourceType + "/configurations")
            }
            harvest.drafts += servers.map { DatabaseMapping.flexibleServer($0, type: type) }
            for ((server, name), result) in zip(pairs, values) {
                let configurationType = type + "_configuration"
                switch result {
                case .success(let value):
                    harvest.drafts.append(
                        DatabaseMapping.configuration(
                            name: name, value: ARMObject(value).string("properties.value").map(Value.string),
                            server: server, type: configurationType))
                case .failure(let error):
                    harvest.errors.append(error)
                    harvest.notRead(
                        DatabaseMapping.configuration(name: name, value: nil, server: server, type: configurationType),
                        keep: ["name", "server_id", "server_name", "resource_group_name"], checked: true)
                }
            }
            return harvest
        }
    }

    /// A vault's keys and secrets as ARM lists them (metadata only; no key material or secret value).
    func vaultItems(_ vault: ARMObject) async -> Harvest {
        var harvest = Harvest()
        async let keys = readList(vault.id + "/keys", "Microsoft.KeyVault/vaults/keys")
        async let secrets = readList(vault.id + "/secrets", "Microsoft.KeyVault/vaults/secrets")
        switch await keys {
        case .success(let items): harvest.drafts += items.map { KeyVaultMapping.key(ARMObject($0), vault: vault) }
        case .failure(let error): harvest.errors.append(error)
        }
        switch await secrets {
        case .success(let items): harvest.drafts += items.map { KeyVaultMapping.secret(ARMObject($0), vault: vault) }
        case .failure(let error): harvest.errors.append(error)
        }
        return harvest
    }
}
