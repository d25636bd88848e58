import Model

/// Event Hubs and Service Bus namespaces → `azurerm_eventhub_namespace` and `azurerm_servicebus_namespace`.
enum MessagingMapping {
    /// Maps one Event Hubs namespace.
    static func eventHubNamespace(_ o: ARMObject) -> LiveResource {
        var a = namespace(o, localAuthKey: "local_authentication_enabled")
        a.put("auto_inflate_enabled", o.bool("properties.isAutoInflateEnabled"))
        a.put("capacity", o.number("sku.capacity"))
        return LiveResource(
            type: "azurerm_eventhub_namespace", armID: o.id, label: StorageMapping.label(o), region: o.location,
            attributes: a)
    }

    /// Maps one Service Bus namespace; a Key Vault key sets the `customer_managed_key` block.
    static func serviceBusNamespace(_ o: ARMObject) -> LiveResource {
        var a = namespace(o, localAuthKey: "local_auth_enabled")
        if o.string("properties.encryption.keySource") == "Microsoft.KeyVault",
            let key = o.objects("properties.encryption.keyVaultProperties").first
        {
            var cmk: [String: Value] = [:]
            if let uri = key.string("keyVaultUri"), let name = key.string("keyName") {
                let base = uri.hasSuffix("/") ? uri : uri + "/"
                let version = key.string("keyVersion") ?? ""
                cmk["key_vault_key_id"] = .string(base + "keys/" + name + (version.isEmpty ? "" : "/" + version))
            }
            cmk.put("identity_id", key.string("identity.userAssignedIdentity"))
            cmk.put(
                "infrastructure_encryption_enabled", o.bool("properties.encryption.requireInfrastructureEncryption") ?? false)
            a["customer_managed_key"] = .list([.object(cmk)])
        }
        return LiveResource(
            type: "azurerm_servicebus_namespace", armID: o.id, label: StorageMapping.label(o), region: o.location,
            attributes: a)
    }

    /// What both namespace kinds share: SKU, TLS floor, local (SAS) auth (whose attribute name differs between the
    /// two azurerm resources), public access, identity.
    private static func namespace(_ o: ARMObject, localAuthKey: String) -> [String: Value] {
        var a = o.baseAttributes
        a.put("sku", o.string("sku.name"))
        a.put("minimum_tls_version", o.string("properties.minimumTlsVersion"))
        a.put(localAuthKey, !(o.bool("properties.disableLocalAuth") ?? false))
        a.put("public_network_access_enabled", o.string("properties.publicNetworkAccess") != "Disabled")
        a.put("zone_redundant", o.bool("properties.zoneRedundant"))
        if let identity = o.string("identity.type"), identity != "None" {
            a["identity"] = .list([.object(["type": .string(identity.replacingOccurrences(of: ",", with: ", "))])])
        }
        return a
    }
}
