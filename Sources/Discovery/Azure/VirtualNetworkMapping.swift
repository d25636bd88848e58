import Model

/// Virtual networks → `azurerm_virtual_network`, one `azurerm_subnet` per subnet and, where a subnet names an NSG,
/// the `azurerm_subnet_network_security_group_association` Terraform models that link with; network watcher flow
/// logs → `azurerm_network_watcher_flow_log`.
enum VirtualNetworkMapping {
    /// Maps one virtual network with its subnets (listed inline by ARM) and their NSG associations.
    static func virtualNetwork(_ o: ARMObject) -> [LiveResource] {
        var a = o.baseAttributes
        a.put("address_space", strings: o.list("properties.addressSpace.addressPrefixes").compactMap(\.stringValue))
        a["dns_servers"] = .list(o.list("properties.dhcpOptions.dnsServers").compactMap(\.stringValue).map(Value.string))
        a.put("ddos_protection_plan_enabled", o.bool("properties.enableDdosProtection"))
        let network = LiveResource(
            type: "azurerm_virtual_network", armID: o.id, label: StorageMapping.label(o), region: o.location,
            attributes: a)
        return [network] + o.objects("properties.subnets").flatMap { subnet($0, network: o) }
    }

    /// One subnet and, when it has an NSG, its association.
    static func subnet(_ s: ARMObject, network: ARMObject) -> [LiveResource] {
        var a: [String: Value] = [:]
        a.put("name", s.name)
        a.put("resource_group_name", network.resourceGroup)
        a.put("virtual_network_name", network.name)
        let prefixes =
            s.string("properties.addressPrefix").map { [$0] }
            ?? s.list("properties.addressPrefixes").compactMap(\.stringValue)
        a.put("address_prefixes", strings: prefixes)
        a.put("service_endpoints", strings: s.objects("properties.serviceEndpoints").compactMap { $0.string("service") })
        a.put(
            "private_endpoint_network_policies", s.string("properties.privateEndpointNetworkPolicies"))
        let delegations = s.objects("properties.delegations").map { d -> Value in
            var service: [String: Value] = [:]
            service.put("name", d.string("properties.serviceName"))
            service.put("actions", strings: d.list("properties.actions").compactMap(\.stringValue))
            return .object(["name": .string(d.name), "service_delegation": .list([.object(service)])])
        }
        if !delegations.isEmpty { a["delegation"] = .list(delegations) }
        let label = StorageMapping.label(network) + "_" + s.name
        var subnet = LiveResource(
            type: "azurerm_subnet", armID: s.id, label: label, region: network.location, attributes: a)
        subnet.link("virtual_network_name", to: network.id)
        guard let group = s.string("properties.networkSecurityGroup.id") else { return [subnet] }
        // ARM has no resource for the association; Terraform's import ID for it is the subnet's ID.
        var association = LiveResource(
            type: "azurerm_subnet_network_security_group_association", armID: s.id, label: label,
            region: network.location,
            attributes: ["subnet_id": .string(s.id), "network_security_group_id": .string(group)])
        association.link("subnet_id", to: s.id)
        association.link("network_security_group_id", to: group)
        return [subnet, association]
    }

    /// Maps one NSG or VNet flow log of a network watcher.
    static func flowLog(_ o: ARMObject, watcher: ARMObject) -> LiveResource {
        var a: [String: Value] = [:]
        a.put("name", o.name)
        a.put("network_watcher_name", watcher.name)
        a.put("resource_group_name", watcher.resourceGroup)
        a.put("location", o.location)
        let target = o.string("properties.targetResourceId")
        a.put("target_resource_id", target)
        if target?.lowercased().contains("/networksecuritygroups/") == true {
            a.put("network_security_group_id", target)
        }
        a.put("storage_account_id", o.string("properties.storageId"))
        a.put("enabled", o.bool("properties.enabled") ?? false)
        a.put("version", o.number("properties.format.version"))
        var retention: [String: Value] = [:]
        retention.put("enabled", o.bool("properties.retentionPolicy.enabled") ?? false)
        retention.put("days", o.number("properties.retentionPolicy.days") ?? 0)
        a["retention_policy"] = .list([.object(retention)])
        let analytics = "properties.flowAnalyticsConfiguration.networkWatcherFlowAnalyticsConfiguration"
        if o.bool(analytics + ".enabled") == true {
            var traffic: [String: Value] = ["enabled": .bool(true)]
            traffic.put("workspace_resource_id", o.string(analytics + ".workspaceResourceId"))
            traffic.put("interval_in_minutes", o.number(analytics + ".trafficAnalyticsInterval"))
            a["traffic_analytics"] = .list([.object(traffic)])
        }
        var draft = LiveResource(
            type: "azurerm_network_watcher_flow_log", armID: o.id, label: StorageMapping.label(watcher) + "_" + o.name,
            region: o.location ?? watcher.location, attributes: a)
        draft.link("target_resource_id", to: target)
        draft.link("storage_account_id", to: o.string("properties.storageId"))
        return draft
    }
}
