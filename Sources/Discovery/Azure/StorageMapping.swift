import Azure
import Model

/// Storage accounts (with their blob and file service properties) → `azurerm_storage_account`.
enum StorageMapping {
    /// Maps one account; `blob` is the blob service read (nil when the account kind has none, a failure when the
    /// read failed, in which case `blob_properties` is unknown rather than absent); `file` likewise for the file
    /// service and `share_properties`.
    static func account(
        _ o: ARMObject, blob: Result<Value, AzureError>?, file: Result<Value, AzureError>? = nil
    ) -> LiveResource {
        var a = o.baseAttributes
        a.put("account_kind", o.string("kind"))
        a.put("account_tier", o.string("sku.tier"))
        if let sku = o.string("sku.name"), let underscore = sku.firstIndex(of: "_") {
            a.put("account_replication_type", String(sku[sku.index(after: underscore)...]))
        }
        a.put("https_traffic_only_enabled", o.bool("properties.supportsHttpsTrafficOnly"))
        a.put("min_tls_version", o.string("properties.minimumTlsVersion"))
        a.put("allow_nested_items_to_be_public", o.bool("properties.allowBlobPublicAccess"))
        a.put("shared_access_key_enabled", o.bool("properties.allowSharedKeyAccess") ?? true)
        // ARM leaves publicNetworkAccess unset on older accounts, which Azure treats as Enabled.
        a.put("public_network_access_enabled", o.string("properties.publicNetworkAccess") != "Disabled")
        a.put("infrastructure_encryption_enabled", o.bool("properties.encryption.requireInfrastructureEncryption") ?? false)
        if o["properties.networkAcls"] != nil {
            var rules: [String: Value] = [:]
            rules.put("default_action", o.string("properties.networkAcls.defaultAction"))
            let bypass = (o.string("properties.networkAcls.bypass") ?? "")
                .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            rules["bypass"] = .list(bypass.map(Value.string))
            rules["ip_rules"] = .list(
                o.objects("properties.networkAcls.ipRules").compactMap { $0.string("value") }
                    .map(Value.string))
            rules["virtual_network_subnet_ids"] = .list(
                o.objects("properties.networkAcls.virtualNetworkRules")
                    .compactMap { $0.string("id") }.map(Value.string))
            a["network_rules"] = .list([.object(rules)])
        }
        if o.string("properties.encryption.keySource")?.caseInsensitiveCompare("Microsoft.Keyvault") == .orderedSame {
            var key: [String: Value] = [:]
            if let uri = o.string("properties.encryption.keyvaultproperties.keyvaulturi"),
                let name = o.string("properties.encryption.keyvaultproperties.keyname")
            {
                let base = uri.hasSuffix("/") ? uri : uri + "/"
                let version = o.string("properties.encryption.keyvaultproperties.keyversion") ?? ""
                key["key_vault_key_id"] = .string(base + "keys/" + name + (version.isEmpty ? "" : "/" + version))
            }
            key.put("user_assigned_identity_id", o.string("properties.encryption.identity.userAssignedIdentity"))
            a["customer_managed_key"] = .list([.object(key)])
        }
        switch blob {
        case .success(let service)?: a["blob_properties"] = .list([.object(blobProperties(ARMObject(service)))])
        case .failure?: a["blob_properties"] = .unknown
        case nil: break
        }
        switch file {
        case .success(let service)?: a["share_properties"] = .list([.object(shareProperties(ARMObject(service)))])
        case .failure?: a["share_properties"] = .unknown
        case nil: break
        }
        return LiveResource(
            type: "azurerm_storage_account", armID: o.id, label: label(o), region: o.location,
            attributes: a)
    }

    /// `blob_properties` from `blobServices/default`; disabled retention policies are absent blocks, as in Terraform.
    static func blobProperties(_ s: ARMObject) -> [String: Value] {
        var b: [String: Value] = [:]
        b.put("versioning_enabled", s.bool("properties.isVersioningEnabled") ?? false)
        b.put("change_feed_enabled", s.bool("properties.changeFeed.enabled") ?? false)
        for (arm, terraform) in [
            ("deleteRetentionPolicy", "delete_retention_policy"),
            ("containerDeleteRetentionPolicy", "container_delete_retention_policy"),
        ]
        where s.bool("properties.\(arm).enabled") == true {
            var policy: [String: Value] = [:]
            policy.put("days", s.number("properties.\(arm).days"))
            b[terraform] = .list([.object(policy)])
        }
        return b
    }

    /// `share_properties` from `fileServices/default`: soft delete and the SMB protocol settings.
    static func shareProperties(_ s: ARMObject) -> [String: Value] {
        var p: [String: Value] = [:]
        if s.bool("properties.shareDeleteRetentionPolicy.enabled") == true {
            var policy: [String: Value] = [:]
            policy.put("days", s.number("properties.shareDeleteRetentionPolicy.days"))
            p["retention_policy"] = .list([.object(policy)])
        }
        if s["properties.protocolSettings.smb"] != nil {
            func split(_ path: String) -> [String] {
                (s.string("properties.protocolSettings.smb." + path) ?? "").split(separator: ";").map(String.init)
            }
            var smb: [String: Value] = [:]
            smb.put("versions", strings: split("versions"))
            smb.put("authentication_types", strings: split("authenticationMethods"))
            smb.put("channel_encryption_type", strings: split("channelEncryption"))
            smb.put("kerberos_ticket_encryption_type", strings: split("kerberosTicketEncryption"))
            smb.put("multichannel_enabled", s.bool("properties.protocolSettings.smb.multichannel.enabled"))
            p["smb"] = .list([.object(smb)])
        }
        return p
    }

    /// `rg_name`, the label most resources use.
    static func label(_ o: ARMObject) -> String {
        (o.resourceGroup.map { $0 + "_" } ?? "") + o.name
    }
}
