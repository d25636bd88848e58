/// The api-version pinned for each ARM resource type Bulwark reads: one table, so an upgrade is one reviewed line.
/// Versions are the newest stable ones for the properties the mapping reads (diagnostic settings have no GA version
/// newer than 2021-05-01-preview, the first with `categoryGroup`).
public enum ARMAPIVersions {
    /// Resource type (`Microsoft.Storage/storageAccounts`) → api-version.
    public static let table: [String: String] = [
        "Microsoft.Storage/storageAccounts": "2023-05-01",
        "Microsoft.Storage/storageAccounts/blobServices": "2023-05-01",
        "Microsoft.Compute/virtualMachines": "2024-07-01",
        "Microsoft.Compute/disks": "2024-03-02",
        "Microsoft.Network/networkInterfaces": "2024-05-01",
        "Microsoft.Network/publicIPAddresses": "2024-05-01",
        "Microsoft.Network/networkSecurityGroups": "2024-05-01",
        "Microsoft.Sql/servers": "2021-11-01",
        "Microsoft.Sql/servers/databases": "2021-11-01",
        "Microsoft.Sql/servers/databases/transparentDataEncryption": "2021-11-01",
        "Microsoft.Sql/servers/firewallRules": "2021-11-01",
        "Microsoft.Sql/servers/extendedAuditingSettings": "2021-11-01",
        "Microsoft.Sql/servers/encryptionProtector": "2021-11-01",
        "Microsoft.KeyVault/vaults": "2023-07-01",
        "Microsoft.Insights/diagnosticSettings": "2021-05-01-preview",
        "Microsoft.Insights/logprofiles": "2016-03-01",
        "Microsoft.Security/pricings": "2024-01-01",
        "Microsoft.Storage/storageAccounts/fileServices": "2023-05-01",
        "Microsoft.ContainerService/managedClusters": "2024-05-01",
        "Microsoft.ContainerRegistry/registries": "2023-07-01",
        "Microsoft.DocumentDB/databaseAccounts": "2024-05-15",
        "Microsoft.Cache/redis": "2024-03-01",
        "Microsoft.EventHub/namespaces": "2024-01-01",
        "Microsoft.ServiceBus/namespaces": "2021-11-01",
        "Microsoft.Network/virtualNetworks": "2024-05-01",
        "Microsoft.Network/networkWatchers": "2024-05-01",
        "Microsoft.Network/networkWatchers/flowLogs": "2024-05-01",
        "Microsoft.Network/applicationGateways": "2024-05-01",
        "Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies": "2024-05-01",
        "Microsoft.Network/frontDoors": "2021-06-01",
        "Microsoft.Network/FrontDoorWebApplicationFirewallPolicies": "2024-02-01",
        "Microsoft.Web/sites": "2023-12-01",
        "Microsoft.Web/sites/config": "2023-12-01",
        "Microsoft.DBforPostgreSQL/flexibleServers": "2022-12-01",
        "Microsoft.DBforPostgreSQL/flexibleServers/configurations": "2022-12-01",
        "Microsoft.DBforMySQL/flexibleServers": "2023-12-30",
        "Microsoft.DBforMySQL/flexibleServers/configurations": "2023-12-30",
        "Microsoft.KeyVault/vaults/keys": "2023-07-01",
        "Microsoft.KeyVault/vaults/secrets": "2023-07-01",
        "Microsoft.Insights/activityLogAlerts": "2020-10-01",
        // The last version with `alertNotifications` and `notificationsByRole` as azurerm reads them.
        "Microsoft.Security/securityContacts": "2020-01-01-preview",
        // Auto-provisioning has only preview versions.
        "Microsoft.Security/autoProvisioningSettings": "2017-08-01-preview",
        "Microsoft.Security/settings": "2022-05-01",
        "Microsoft.Authorization/roleAssignments": "2022-04-01",
        "Microsoft.Authorization/roleDefinitions": "2022-04-01",
        "Microsoft.Authorization/policyAssignments": "2022-06-01",
        // Activity Log events (management plane); the only GA version of this API.
        "Microsoft.Insights/eventtypes/management/values": "2015-04-01",
    ]

    /// The pinned api-version of `resourceType`, compared case-insensitively as ARM does.
    public static func version(for resourceType: String) -> String? {
        if let exact = table[resourceType] { return exact }
        let lowered = resourceType.lowercased()
        return table.first { $0.key.lowercased() == lowered }?.value
    }
}
