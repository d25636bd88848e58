import Model

/// AKS clusters and container registries → `azurerm_kubernetes_cluster` and `azurerm_container_registry`.
enum ContainerMapping {
    /// Maps one managed cluster; the system-mode agent pool is the `default_node_pool` block, as azurerm creates it.
    static func kubernetesCluster(_ o: ARMObject) -> LiveResource {
        var a = o.baseAttributes
        a.put("kubernetes_version", o.string("properties.kubernetesVersion"))
        a.put("dns_prefix", o.string("properties.dnsPrefix"))
        a.put("sku_tier", o.string("sku.tier"))
        a.put("role_based_access_control_enabled", o.bool("properties.enableRBAC"))
        a.put("local_account_disabled", o.bool("properties.disableLocalAccounts") ?? false)
        a.put("private_cluster_enabled", o.bool("properties.apiServerAccessProfile.enablePrivateCluster") ?? false)
        a.put("disk_encryption_set_id", o.string("properties.diskEncryptionSetID"))
        a.put("automatic_upgrade_channel", o.string("properties.autoUpgradeProfile.upgradeChannel"))
        let ranges = o.list("properties.apiServerAccessProfile.authorizedIPRanges").compactMap(\.stringValue)
        if !ranges.isEmpty {
            a["api_server_access_profile"] = .list([.object(["authorized_ip_ranges": .list(ranges.map(Value.string))])])
        }
        var network: [String: Value] = [:]
        network.put("network_plugin", o.string("properties.networkProfile.networkPlugin"))
        network.put("network_policy", o.string("properties.networkProfile.networkPolicy"))
        network.put("outbound_type", o.string("properties.networkProfile.outboundType"))
        if !network.isEmpty { a["network_profile"] = .list([.object(network)]) }
        // Add-on keys differ in case between clusters created by different tools, so they are matched loosely.
        let addons = o["properties.addonProfiles"]?.members ?? [:]
        func addon(_ name: String) -> ARMObject? {
            addons.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }.map { ARMObject($0.value) }
        }
        a.put("azure_policy_enabled", addon("azurepolicy")?.bool("enabled") ?? false)
        a.put("http_application_routing_enabled", addon("httpApplicationRouting")?.bool("enabled") ?? false)
        if let oms = addon("omsagent"), oms.bool("enabled") == true {
            var agent: [String: Value] = [:]
            agent.put("log_analytics_workspace_id", oms.string("config.logAnalyticsWorkspaceResourceID"))
            a["oms_agent"] = .list([.object(agent)])
        }
        if let secrets = addon("azureKeyvaultSecretsProvider"), secrets.bool("enabled") == true {
            let rotation = secrets.string("config.enableSecretRotation")?.lowercased() == "true"
            a["key_vault_secrets_provider"] = .list([.object(["secret_rotation_enabled": .bool(rotation)])])
        }
        let pools = o.objects("properties.agentPoolProfiles")
        if let system = pools.first(where: { $0.string("mode") == "System" }) ?? pools.first {
            a["default_node_pool"] = .list([.object(nodePool(system))])
        }
        return LiveResource(
            type: "azurerm_kubernetes_cluster", armID: o.id, label: StorageMapping.label(o), region: o.location,
            attributes: a)
    }

    /// One agent pool profile in `default_node_pool` vocabulary (azurerm v4 names).
    static func nodePool(_ p: ARMObject) -> [String: Value] {
        var pool: [String: Value] = [:]
        pool.put("name", p.name)
        pool.put("vm_size", p.string("vmSize"))
        pool.put("node_count", p.number("count"))
        pool.put("max_pods", p.number("maxPods"))
        pool.put("os_disk_type", p.string("osDiskType"))
        pool.put("type", p.string("type"))
        pool.put("node_public_ip_enabled", p.bool("enableNodePublicIP") ?? false)
        pool.put("host_encryption_enabled", p.bool("enableEncryptionAtHost") ?? false)
        pool.put("only_critical_addons_enabled", p.list("nodeTaints").contains(.string("CriticalAddonsOnly=true:NoSchedule")))
        pool.put("vnet_subnet_id", p.string("vnetSubnetID"))
        return pool
    }

    /// Maps one registry; Premium geo-replications are a child collection not read here, so they stay unknown.
    static func containerRegistry(_ o: ARMObject) -> LiveResource {
        var a = o.baseAttributes
        let sku = o.string("sku.name")
        a.put("sku", sku)
        a.put("admin_enabled", o.bool("properties.adminUserEnabled") ?? false)
        a.put("public_network_access_enabled", o.string("properties.publicNetworkAccess") != "Disabled")
        a.put("anonymous_pull_enabled", o.bool("properties.anonymousPullEnabled") ?? false)
        a.put("data_endpoint_enabled", o.bool("properties.dataEndpointEnabled") ?? false)
        a.put("zone_redundancy_enabled", o.string("properties.zoneRedundancy") == "Enabled")
        a.put("network_rule_bypass_option", o.string("properties.networkRuleBypassOptions"))
        a.put("quarantine_policy_enabled", o.string("properties.policies.quarantinePolicy.status").map { $0 == "enabled" })
        a.put("trust_policy_enabled", o.string("properties.policies.trustPolicy.status").map { $0 == "enabled" })
        if o.string("properties.policies.retentionPolicy.status") == "enabled" {
            a.put("retention_policy_in_days", o.number("properties.policies.retentionPolicy.days"))
        }
        if sku == "Premium" { a["georeplications"] = .unknown }
        return LiveResource(
            type: "azurerm_container_registry", armID: o.id, label: StorageMapping.label(o), region: o.location,
            attributes: a)
    }
}
