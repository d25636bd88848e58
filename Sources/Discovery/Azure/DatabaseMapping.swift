import Model

/// Managed databases → `azurerm_cosmosdb_account`, `azurerm_postgresql_flexible_server`,
/// `azurerm_mysql_flexible_server` (with the server parameters the checks read, as `*_configuration` resources)
/// and `azurerm_redis_cache`.
enum DatabaseMapping {
    /// The PostgreSQL server parameters read per server: the ones CIS and the check library judge.
    static let postgresParameters = [
        "connection_throttle.enable", "log_checkpoints", "logfiles.retention_days", "require_secure_transport",
    ]
    /// The MySQL server parameters read per server.
    static let mysqlParameters = ["audit_log_enabled", "require_secure_transport", "tls_version"]

    /// Maps one Cosmos DB account.
    static func cosmosAccount(_ o: ARMObject) -> LiveResource {
        var a = o.baseAttributes
        a.put("kind", o.string("kind"))
        a.put("offer_type", o.string("properties.databaseAccountOfferType"))
        a.put("public_network_access_enabled", o.string("properties.publicNetworkAccess") != "Disabled")
        a.put("local_authentication_disabled", o.bool("properties.disableLocalAuth") ?? false)
        a.put("access_key_metadata_writes_enabled", !(o.bool("properties.disableKeyBasedMetadataWriteAccess") ?? false))
        a.put("key_vault_key_id", o.string("properties.keyVaultKeyUri"))
        a.put("is_virtual_network_filter_enabled", o.bool("properties.isVirtualNetworkFilterEnabled") ?? false)
        a.put("ip_range_filter", strings: o.objects("properties.ipRules").compactMap { $0.string("ipAddressOrRange") })
        let rules = o.objects("properties.virtualNetworkRules").compactMap { $0.string("id") }
        if !rules.isEmpty { a["virtual_network_rule"] = .list(rules.map { .object(["id": .string($0)]) }) }
        a.put("minimal_tls_version", o.string("properties.minimalTlsVersion"))
        return LiveResource(
            type: "azurerm_cosmosdb_account", armID: o.id, label: StorageMapping.label(o), region: o.location,
            attributes: a)
    }

    /// Maps one flexible server of either engine (`azurerm_postgresql_flexible_server` or
    /// `azurerm_mysql_flexible_server`): the two ARM shapes share backup, network and storage.
    static func flexibleServer(_ o: ARMObject, type: String) -> LiveResource {
        var a = o.baseAttributes
        a.put("version", o.string("properties.version"))
        a.put("sku_name", o.string("sku.name"))
        a.put("administrator_login", o.string("properties.administratorLogin"))
        a.put("fqdn", o.string("properties.fullyQualifiedDomainName"))
        a.put("backup_retention_days", o.number("properties.backup.backupRetentionDays"))
        a.put("geo_redundant_backup_enabled", o.string("properties.backup.geoRedundantBackup") == "Enabled")
        a.put("public_network_access_enabled", o.string("properties.network.publicNetworkAccess") != "Disabled")
        a.put("delegated_subnet_id", o.string("properties.network.delegatedSubnetResourceId"))
        a.put("zone", o.string("properties.availabilityZone"))
        if let mode = o.string("properties.highAvailability.mode"), mode != "Disabled" {
            a["high_availability"] = .list([.object(["mode": .string(mode)])])
        }
        if let replica = o.string("properties.replicationRole"), replica.lowercased().contains("replica") {
            a["create_mode"] = .string("Replica")
        }
        return LiveResource(type: type, armID: o.id, label: StorageMapping.label(o), region: o.location, attributes: a)
    }

    /// Maps one server parameter into `<server type>_configuration`; `value` is nil when it could not be read
    /// (the configuration is then a placeholder whose value is unknown).
    static func configuration(name: String, value: Value?, server: ARMObject, type: String) -> LiveResource {
        var a: [String: Value] = ["name": .string(name), "value": value ?? .unknown]
        a.put("server_id", server.id)
        a.put("server_name", server.name)
        a.put("resource_group_name", server.resourceGroup)
        var draft = LiveResource(
            type: type, armID: server.id + "/configurations/" + name,
            label: StorageMapping.label(server) + "_" + name, region: server.location, attributes: a)
        draft.link("server_id", to: server.id)
        return draft
    }

    /// Maps one Azure Cache for Redis.
    static func redisCache(_ o: ARMObject) -> LiveResource {
        var a = o.baseAttributes
        a.put("sku_name", o.string("properties.sku.name"))
        a.put("family", o.string("properties.sku.family"))
        a.put("capacity", o.number("properties.sku.capacity"))
        a.put("redis_version", o.string("properties.redisVersion"))
        a.put("non_ssl_port_enabled", o.bool("properties.enableNonSslPort") ?? false)
        a.put("minimum_tls_version", o.string("properties.minimumTlsVersion"))
        a.put("public_network_access_enabled", o.string("properties.publicNetworkAccess") != "Disabled")
        a.put("subnet_id", o.string("properties.subnetId"))
        return LiveResource(
            type: "azurerm_redis_cache", armID: o.id, label: StorageMapping.label(o), region: o.location,
            attributes: a)
    }
}
