import Foundation
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

extension KeyVaultMapping {
    /// Maps one key as ARM lists it under the vault (`vaults/keys`): type, size and expiry, never key material.
    static func key(_ o: ARMObject, vault: ARMObject) -> LiveResource {
        var a = item(o, vault: vault)
        a.put("key_type", o.string("properties.kty"))
        a.put("key_size", o.number("properties.keySize"))
        a.put("curve", o.string("properties.curveName"))
        a.put("key_opts", strings: o.list("properties.keyOps").compactMap(\.stringValue))
        a.put("versionless_id", o.string("properties.keyUri"))
        var draft = LiveResource(
            type: "azurerm_key_vault_key", armID: o.id, label: StorageMapping.label(vault) + "_" + o.name,
            region: vault.location, attributes: a)
        draft.link("key_vault_id", to: vault.id)
        return draft
    }

    /// Maps one secret as ARM lists it (`vaults/secrets`): content type and expiry; ARM never returns the value.
    static func secret(_ o: ARMObject, vault: ARMObject) -> LiveResource {
        var a = item(o, vault: vault)
        a.put("content_type", o.string("properties.contentType"))
        a.put("versionless_id", o.string("properties.secretUri"))
        var draft = LiveResource(
            type: "azurerm_key_vault_secret", armID: o.id, label: StorageMapping.label(vault) + "_" + o.name,
            region: vault.location, attributes: a)
        draft.link("key_vault_id", to: vault.id)
        return draft
    }

    /// Name, vault and the `exp`/`nbf` Unix times as the RFC 3339 dates azurerm stores.
    private static func item(_ o: ARMObject, vault: ARMObject) -> [String: Value] {
        var a: [String: Value] = [:]
        a.put("name", o.name)
        a.put("key_vault_id", vault.id)
        a.put("enabled", o.bool("properties.attributes.enabled"))
        a.put("expiration_date", o.number("properties.attributes.exp").flatMap(rfc3339))
        a.put("not_before_date", o.number("properties.attributes.nbf").flatMap(rfc3339))
        return a
    }

    /// `seconds` since 1970 as `2027-01-31T00:00:00Z`; nil when out of any plausible range.
    static func rfc3339(_ seconds: Double) -> String? {
        guard seconds.isFinite, seconds >= 0, seconds < 253_402_300_800 else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date(timeIntervalSince1970: seconds.rounded(.down)))
    }
}
