import Azure
import Model

extension AzureDiscovery {
    /// Re-reads one resource by ARM ID through the same mappings a full discovery uses, so a remediation is verified
    /// on the attributes its finding came from. A security rule is read through its network security group (the
    /// group's mapping yields the rule). Supported: storage accounts, key vaults, NSGs and their rules.
    public func reread(armID: String) async throws(AzureError) -> [Resource] {
        let lowered = armID.lowercased()
        let drafts: [LiveResource]
        if let range = lowered.range(of: "/securityrules/") {
            let groupID = String(armID[..<range.lowerBound])
            let group = try await client.get(groupID, resourceType: "Microsoft.Network/networkSecurityGroups")
            drafts = NetworkMapping.securityGroup(ARMObject(group))
        } else if lowered.contains("/providers/microsoft.network/networksecuritygroups/") {
            let group = try await client.get(armID, resourceType: "Microsoft.Network/networkSecurityGroups")
            drafts = NetworkMapping.securityGroup(ARMObject(group))
        } else if lowered.contains("/providers/microsoft.storage/storageaccounts/") {
            let account = try await client.get(armID, resourceType: "Microsoft.Storage/storageAccounts")
            drafts = [StorageMapping.account(ARMObject(account), blob: nil)]
        } else if lowered.contains("/providers/microsoft.keyvault/vaults/") {
            let vault = try await client.get(armID, resourceType: "Microsoft.KeyVault/vaults")
            drafts = [KeyVaultMapping.vault(ARMObject(vault))]
        } else {
            throw AzureError(
                .unknownResourceType, "no single-resource reader for \(armID)", api: "reread",
                resourceID: armID)
        }
        return LiveAddressing.azure.resources(drafts, account: subscriptionID)
    }
}
