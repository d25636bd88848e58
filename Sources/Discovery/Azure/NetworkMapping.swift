import Model

/// Network interfaces, public IPs, NSGs and their rules → `azurerm_network_interface`, `azurerm_public_ip`,
/// `azurerm_network_security_group` and one `azurerm_network_security_rule` per custom rule.
enum NetworkMapping {
    /// Maps one network interface; each IP configuration becomes an `ip_configuration` block.
    static func networkInterface(_ o: ARMObject) -> LiveResource {
        var a = o.baseAttributes
        a.put("ip_forwarding_enabled", o.bool("properties.enableIPForwarding") ?? false)
        a.put("accelerated_networking_enabled", o.bool("properties.enableAcceleratedNetworking") ?? false)
        var publicIPs: [String] = []
        a["ip_configuration"] = .list(
            o.objects("properties.ipConfigurations").map { c in
                var config: [String: Value] = [:]
                config.put("name", c.name)
                config.put("subnet_id", c.string("properties.subnet.id"))
                config.put("private_ip_address", c.string("properties.privateIPAddress"))
                config.put("private_ip_address_allocation", c.string("properties.privateIPAllocationMethod"))
                config.put("private_ip_address_version", c.string("properties.privateIPAddressVersion"))
                config.put("primary", c.bool("properties.primary"))
                if let pip = c.string("properties.publicIPAddress.id") {
                    config["public_ip_address_id"] = .string(pip)
                    publicIPs.append(pip)
                }
                return .object(config)
            })
        var draft = LiveResource(
            type: "azurerm_network_interface", armID: o.id, label: StorageMapping.label(o),
            region: o.location, attributes: a)
        for pip in publicIPs { draft.link("ip_configuration.public_ip_address_id", to: pip) }
        return draft
    }

    /// Maps one public IP address.
    static func publicIP(_ o: ARMObject) -> LiveResource {
        var a = o.baseAttributes
        a.put("allocation_method", o.string("properties.publicIPAllocationMethod"))
        a.put("sku", o.string("sku.name"))
        a.put("sku_tier", o.string("sku.tier"))
        a.put("ip_address", o.string("properties.ipAddress"))
        a.put("ip_version", o.string("properties.publicIPAddressVersion"))
        a.put("idle_timeout_in_minutes", o.number("properties.idleTimeoutInMinutes"))
        a.put("zones", strings: o.list("zones").compactMap(\.stringValue))
        return LiveResource(
            type: "azurerm_public_ip", armID: o.id, label: StorageMapping.label(o),
            region: o.location, attributes: a)
    }

    /// Maps one NSG and its custom rules; Azure's default rules are not Terraform-managed and are left out.
    static func securityGroup(_ o: ARMObject) -> [LiveResource] {
        let group = LiveResource(
            type: "azurerm_network_security_group", armID: o.id, label: StorageMapping.label(o),
            region: o.location, attributes: o.baseAttributes)
        let rules = o.objects("properties.securityRules").map { rule($0, group: o) }
        return [group] + rules
    }

    /// Maps one rule into `azurerm_network_security_rule`: a singular prefix or range and its plural list are
    /// exclusive in Terraform, so only the one ARM filled in is set.
    static func rule(_ r: ARMObject, group: ARMObject) -> LiveResource {
        var a: [String: Value] = [:]
        a.put("name", r.name)
        a.put("resource_group_name", group.resourceGroup)
        a.put("network_security_group_name", group.name)
        a.put("priority", r.number("properties.priority"))
        a.put("direction", r.string("properties.direction"))
        a.put("access", r.string("properties.access"))
        a.put("protocol", r.string("properties.protocol"))
        a.put("description", r.string("properties.description"))
        let fields = [
            ("sourcePortRange", "sourcePortRanges", "source_port_range", "source_port_ranges"),
            ("destinationPortRange", "destinationPortRanges", "destination_port_range", "destination_port_ranges"),
            ("sourceAddressPrefix", "sourceAddressPrefixes", "source_address_prefix", "source_address_prefixes"),
            (
                "destinationAddressPrefix", "destinationAddressPrefixes", "destination_address_prefix",
                "destination_address_prefixes"
            ),
        ]
        for (arm, armPlural, terraform, terraformPlural) in fields {
            if let single = r.string("properties.\(arm)"), !single.isEmpty { a[terraform] = .string(single) }
            a.put(terraformPlural, strings: r.list("properties.\(armPlural)").compactMap(\.stringValue))
        }
        var draft = LiveResource(
            type: "azurerm_network_security_rule", armID: r.id,
            label: StorageMapping.label(group) + "_" + r.name, region: group.location,
            attributes: a)
        draft.link("network_security_group_name", to: group.id)
        return draft
    }
}
