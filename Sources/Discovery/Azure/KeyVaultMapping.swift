import Model

/// Key Vaults → `azurerm_key_vault` (azurerm v4 attribute names).
enum KeyVaultMapping {
    /// Maps one vault; ARM omits `enablePurgeProtection` until it is turned on, so absent means false.
    static func vault(_ o: ARMObject) -> LiveResource {
        var a = o.baseAttributes
        a.put("tenant_id", o.string("properties.tenantId"))
        a.put("sku_name", o.string("properties.sku.name"))
        a.put("purge_protection_enabled", o.bool("properties.enablePurgeProtection") ?? false)
        a.put("soft_delete_retention_days", o.number("properties.softDeleteRetentionInDays"))
        a.put("rbac_authorization_enabled", o.bool("properties.enableRbacAuthorization") ?? false)
        a.put("public_network_access_enabled", o.string("properties.publicNetworkAccess") != "Disabled")
        a.put("enabled_for_disk_encryption", o.bool("properties.enabledForDiskEncryption"))
        a.put("vault_uri", o.string("properties.vaultUri"))
        if o["properties.networkAcls"] != nil {
            var acls: [String: Value] = [:]
            acls.put("default_action", o.string("properties.networkAcls.defaultAction"))
            acls.put("bypass", o.string("properties.networkAcls.bypass"))
            acls["ip_rules"] = .list(
                o.objects("properties.networkAcls.ipRules").compactMap { $0.string("value") }
                    .map(Value.string))
            acls["virtual_network_subnet_ids"] = .list(
                o.objects("properties.networkAcls.virtualNetworkRules")
                    .compactMap { $0.string("id") }.map(Value.string))
            a["network_acls"] = .list([.object(acls)])
        }
        return LiveResource(
            type: "azurerm_key_vault", armID: o.id, label: StorageMapping.label(o),
            region: o.location, attributes: a)
    }
}
