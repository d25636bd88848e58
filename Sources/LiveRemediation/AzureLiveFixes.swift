import Model

/// The Azure live fixes: ARM PATCH of the resource's properties, or PUT of a whole security rule.
enum AzureLiveFixes {
    static let all: [LiveFix] = [storageAccount, keyVaultPurgeProtection, securityRule]

    /// PATCH bodies per storage check: only the property the check is about changes.
    static let storageProperties: [String: String] = [
        "BLW-AZURE-STORAGE-001": #""supportsHttpsTrafficOnly":true"#,
        "BLW-AZURE-STORAGE-002": #""minimumTlsVersion":"TLS1_2""#,
        "BLW-AZURE-STORAGE-003": #""allowBlobPublicAccess":false"#,
    ]

    /// Per storage check: the Terraform attribute holding the discovered value and the ARM property it restores.
    static let storageUndo: [String: (attribute: String, property: String)] = [
        "BLW-AZURE-STORAGE-001": ("https_traffic_only_enabled", "supportsHttpsTrafficOnly"),
        "BLW-AZURE-STORAGE-002": ("min_tls_version", "minimumTlsVersion"),
        "BLW-AZURE-STORAGE-003": ("allow_nested_items_to_be_public", "allowBlobPublicAccess"),
    ]

    static let storageAccount = LiveFix(
        id: "azure-storage-account-properties", provider: "azure", checkIDs: Set(storageProperties.keys),
        resourceTypes: ["azurerm_storage_account"],
        summary: "PATCH the storage account: HTTPS only / TLS 1.2 minimum / no anonymous blob access"
    ) { c throws(LiveRemediationError) in
        guard let property = storageProperties[c.checkID] else { return [] }
        func patch(_ properties: String) -> LiveAPICall {
            LiveAPICall(
                wire: .arm, service: "Microsoft.Storage/storageAccounts", region: c.origin.region,
                action: "PATCH", method: "PATCH", path: c.origin.id, body: #"{"properties":{\#(properties)}}"#)
        }
        guard let undo = storageUndo[c.checkID], let before = c.resource.attributes[undo.attribute],
            before.boolValue != nil || before.stringValue != nil
        else {
            return [patch(property).irreversible("the account's previous value is not known")]
        }
        let previous = try LiveJSON.text(.object(["properties": .object([undo.property: before])]))
        return [
            patch(property).undone(
                by: LiveAPICall(
                    wire: .arm, service: "Microsoft.Storage/storageAccounts", region: c.origin.region, action: "PATCH",
                    method: "PATCH", path: c.origin.id, body: previous))
        ]
    }

    static let keyVaultPurgeProtection = LiveFix(
        id: "azure-key-vault-purge-protection", provider: "azure", checkIDs: ["BLW-AZURE-KEYVAULT-001"],
        resourceTypes: ["azurerm_key_vault"], summary: "PATCH the vault: purge protection on (it cannot be turned off)"
    ) { c throws(LiveRemediationError) in
        [
            LiveAPICall(
                wire: .arm, service: "Microsoft.KeyVault/vaults", region: c.origin.region, action: "PATCH",
                method: "PATCH", path: c.origin.id, body: #"{"properties":{"enablePurgeProtection":true}}"#
            )
            .irreversible("Azure does not allow purge protection to be turned off")
        ]
    }

    static let securityRule = LiveFix(
        id: "azure-nsg-rule-restrict", provider: "azure", checkIDs: ["BLW-AZURE-NETWORK-001", "BLW-AZURE-NETWORK-002"],
        resourceTypes: ["azurerm_network_security_rule"],
        summary: "PUT the rule with the target's admin CIDR as source, or as Deny when none is configured"
    ) { c throws(LiveRemediationError) in
        func put(_ body: String) -> LiveAPICall {
            LiveAPICall(
                wire: .arm, service: "Microsoft.Network/networkSecurityGroups", region: c.origin.region,
                action: "PUT", method: "PUT", path: c.origin.id, body: body)
        }
        return [put(try ruleBody(c)).undone(by: put(try ruleBody(c, restoring: true)))]
    }

    /// ARM has no PATCH for security rules: the whole rule is sent back with only source (or access) changed —
    /// or, `restoring`, exactly as discovered (the undo).
    static func ruleBody(_ c: LiveFixContext, restoring: Bool = false) throws(LiveRemediationError) -> String {
        let a = c.resource.attributes
        guard let priority = a["priority"]?.numberValue, let direction = a["direction"]?.stringValue,
            let proto = a["protocol"]?.stringValue
        else {
            throw LiveRemediationError(
                .unsupportedResource, "rule lacks priority, direction or protocol",
                checkID: c.checkID, resource: c.resource.address)
        }
        var properties: [String: Value] = [
            "priority": .number(priority), "direction": .string(direction), "protocol": .string(proto),
            "access": a["access"] ?? .string("Allow"),
        ]
        let fields = [
            ("source_port_range", "sourcePortRange"), ("source_port_ranges", "sourcePortRanges"),
            ("destination_port_range", "destinationPortRange"),
            ("destination_port_ranges", "destinationPortRanges"),
            ("destination_address_prefix", "destinationAddressPrefix"),
            ("destination_address_prefixes", "destinationAddressPrefixes"), ("description", "description"),
        ]
        for (terraform, arm) in fields {
            if let value = a[terraform], value != .null, value.elements?.isEmpty != true { properties[arm] = value }
        }
        properties["sourceAddressPrefix"] = a["source_address_prefix"] ?? .string("*")
        if let prefixes = a["source_address_prefixes"], prefixes.elements?.isEmpty == false {
            properties["sourceAddressPrefixes"] = prefixes
            properties["sourceAddressPrefix"] = nil
        }
        guard !restoring else { return try LiveJSON.text(.object(["properties": .object(properties)])) }
        if let admin = c.adminCIDR, !admin.isEmpty {
            guard SecurityGroupIngressFix.isRestrictedCIDR(admin) else {
                throw LiveRemediationError(
                    .unsupportedResource, "admin CIDR \(admin) is not a CIDR narrower than /0",
                    checkID: c.checkID, resource: c.resource.address)
            }
            properties["sourceAddressPrefix"] = .string(admin)
            properties["sourceAddressPrefixes"] = nil
        } else {
            properties["access"] = .string("Deny")
        }
        return try LiveJSON.text(.object(["properties": .object(properties)]))
    }
}
