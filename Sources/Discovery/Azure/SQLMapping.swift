import Azure
import Model

/// SQL servers and their children → `azurerm_mssql_server`, `azurerm_mssql_database`, `azurerm_mssql_firewall_rule`,
/// `azurerm_mssql_server_extended_auditing_policy` and `azurerm_mssql_server_transparent_data_encryption`.
enum SQLMapping {
    /// Maps one server (its Entra ID administrator is the inline `azuread_administrator` block, as in azurerm).
    static func server(_ o: ARMObject) -> LiveResource {
        var a = o.baseAttributes
        a.put("version", o.string("properties.version"))
        a.put("administrator_login", o.string("properties.administratorLogin"))
        a.put("minimum_tls_version", o.string("properties.minimalTlsVersion"))
        a.put("public_network_access_enabled", o.string("properties.publicNetworkAccess") != "Disabled")
        a.put("fully_qualified_domain_name", o.string("properties.fullyQualifiedDomainName"))
        if o.string("properties.administrators.administratorType") == "ActiveDirectory" {
            var admin: [String: Value] = [:]
            admin.put("login_username", o.string("properties.administrators.login"))
            admin.put("object_id", o.string("properties.administrators.sid"))
            admin.put("tenant_id", o.string("properties.administrators.tenantId"))
            admin.put("azuread_authentication_only", o.bool("properties.administrators.azureADOnlyAuthentication"))
            a["azuread_administrator"] = .list([.object(admin)])
        }
        return LiveResource(
            type: "azurerm_mssql_server", armID: o.id, label: StorageMapping.label(o),
            region: o.location, attributes: a)
    }

    /// Maps one database; `tde` is its `transparentDataEncryption/current` read (a failure leaves the flag unknown).
    static func database(_ o: ARMObject, server: ARMObject, tde: Result<Value, AzureError>) -> LiveResource {
        var a: [String: Value] = [:]
        a.put("name", o.name)
        a.put("server_id", server.id)
        a.put("sku_name", o.string("sku.name"))
        a.put("collation", o.string("properties.collation"))
        a.put("max_size_gb", o.number("properties.maxSizeBytes").map { $0 / 1_073_741_824 })
        a.put("zone_redundant", o.bool("properties.zoneRedundant"))
        a.put("ledger_enabled", o.bool("properties.isLedgerOn"))
        switch tde {
        case .success(let value):
            a.put(
                "transparent_data_encryption_enabled",
                ARMObject(value).string("properties.state").map { $0.caseInsensitiveCompare("Enabled") == .orderedSame })
        case .failure:
            a["transparent_data_encryption_enabled"] = .unknown
        }
        var draft = LiveResource(
            type: "azurerm_mssql_database", armID: o.id,
            label: StorageMapping.label(server) + "_" + o.name, region: o.location ?? server.location,
            attributes: a)
        draft.link("server_id", to: server.id)
        return draft
    }

    /// Maps one server firewall rule.
    static func firewallRule(_ o: ARMObject, server: ARMObject) -> LiveResource {
        var a: [String: Value] = [:]
        a.put("name", o.name)
        a.put("server_id", server.id)
        a.put("start_ip_address", o.string("properties.startIpAddress"))
        a.put("end_ip_address", o.string("properties.endIpAddress"))
        var draft = LiveResource(
            type: "azurerm_mssql_firewall_rule", armID: o.id,
            label: StorageMapping.label(server) + "_" + o.name, region: server.location,
            attributes: a)
        draft.link("server_id", to: server.id)
        return draft
    }

    /// Maps the server's `extendedAuditingSettings/default`.
    static func auditing(_ o: ARMObject, server: ARMObject) -> LiveResource {
        var a: [String: Value] = [:]
        a.put("server_id", server.id)
        a.put("enabled", o.string("properties.state").map { $0.caseInsensitiveCompare("Enabled") == .orderedSame })
        a.put("retention_in_days", o.number("properties.retentionDays"))
        a.put("storage_endpoint", o.string("properties.storageEndpoint"))
        a.put("log_monitoring_enabled", o.bool("properties.isAzureMonitorTargetEnabled"))
        var draft = LiveResource(
            type: "azurerm_mssql_server_extended_auditing_policy",
            armID: o.id.isEmpty ? server.id + "/extendedAuditingSettings/default" : o.id,
            label: StorageMapping.label(server), region: server.location, attributes: a)
        draft.link("server_id", to: server.id)
        return draft
    }

    /// Maps the server's TDE protector (`encryptionProtector/current`); a Key Vault key sets `key_vault_key_id`.
    static func encryptionProtector(_ o: ARMObject, server: ARMObject) -> LiveResource {
        var a: [String: Value] = [:]
        a.put("server_id", server.id)
        if o.string("properties.serverKeyType") == "AzureKeyVault" {
            a.put("key_vault_key_id", o.string("properties.uri"))
        }
        a.put("auto_rotation_enabled", o.bool("properties.autoRotationEnabled"))
        var draft = LiveResource(
            type: "azurerm_mssql_server_transparent_data_encryption",
            armID: o.id.isEmpty ? server.id + "/encryptionProtector/current" : o.id,
            label: StorageMapping.label(server), region: server.location, attributes: a)
        draft.link("server_id", to: server.id)
        return draft
    }
}
