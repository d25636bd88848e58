/// The discovery services (AWS service ids, ARM resource types — the `service` of a `DiscoveryError`) that read
/// each resource type. A type all of whose services answered without an error was read completely, so a state
/// resource of that type with no live counterpart is missing, even when no resource of the type is left live at all.
public enum ServiceTypes {
    /// The cloud that discovers a resource type and the services whose errors would leave it partly unread.
    public struct Owner: Sendable, Hashable {
        /// `aws` or `azure`.
        public let cloud: String
        /// The `DiscoveryError.service` labels whose failures leave the type partly unread.
        public let services: [String]
    }

    /// Resource type → the cloud and the services whose errors would leave it partly unread.
    public static let owners: [String: Owner] = {
        var owners: [String: Owner] = [:]
        let aws: [String: [String]] = [
            "s3": [
                "aws_s3_bucket", "aws_s3_bucket_acl", "aws_s3_bucket_logging", "aws_s3_bucket_policy",
                "aws_s3_bucket_public_access_block", "aws_s3_bucket_server_side_encryption_configuration",
                "aws_s3_bucket_versioning",
            ],
            "s3control": ["aws_s3_account_public_access_block"],
            "ec2": [
                "aws_instance", "aws_security_group", "aws_default_security_group", "aws_ebs_volume",
                "aws_ebs_encryption_by_default", "aws_vpc", "aws_flow_log",
            ],
            "iam": [
                "aws_iam_user", "aws_iam_access_key", "aws_iam_account_password_policy", "aws_iam_user_policy",
                "aws_iam_user_policy_attachment", "aws_iam_virtual_mfa_device", "aws_iam_user_group_membership",
                "aws_iam_saml_provider",
            ],
            "rds": ["aws_db_instance"],
            "kms": ["aws_kms_key"],
            "cloudtrail": ["aws_cloudtrail"],
            "config": ["aws_config_configuration_recorder", "aws_config_configuration_recorder_status"],
            "logs": ["aws_cloudwatch_log_group"],
        ]
        for (service, types) in aws { for type in types { owners[type] = Owner(cloud: "aws", services: [service]) } }
        for (service, types) in awsInventory { for type in types { owners[type] = Owner(cloud: "aws", services: [service]) } }
        for (service, types) in awsPosture { for type in types { owners[type] = Owner(cloud: "aws", services: [service]) } }
        let sql = "Microsoft.Sql/servers"
        var azure: [String: [String]] = [
            "azurerm_linux_virtual_machine": ["Microsoft.Compute/virtualMachines"],
            "azurerm_windows_virtual_machine": ["Microsoft.Compute/virtualMachines"],
            "azurerm_managed_disk": ["Microsoft.Compute/disks"],
            "azurerm_network_interface": ["Microsoft.Network/networkInterfaces"],
            "azurerm_public_ip": ["Microsoft.Network/publicIPAddresses"],
            "azurerm_network_security_group": ["Microsoft.Network/networkSecurityGroups"],
            "azurerm_network_security_rule": ["Microsoft.Network/networkSecurityGroups"],
            "azurerm_security_center_subscription_pricing": ["Microsoft.Security/pricings"],
            "azurerm_storage_account": ["Microsoft.Storage/storageAccounts"],
            "azurerm_mssql_server": [sql],
            "azurerm_mssql_database": [sql, sql + "/databases"],
            "azurerm_mssql_firewall_rule": [sql, sql + "/firewallRules"],
            "azurerm_mssql_server_extended_auditing_policy": [sql, sql + "/extendedAuditingSettings"],
            "azurerm_mssql_server_transparent_data_encryption": [sql, sql + "/encryptionProtector"],
            "azurerm_key_vault": ["Microsoft.KeyVault/vaults"],
            "azurerm_monitor_diagnostic_setting": ["Microsoft.Insights/diagnosticSettings"],
            "azurerm_monitor_log_profile": ["Microsoft.Insights/logprofiles"],
            "azurerm_kubernetes_cluster": ["Microsoft.ContainerService/managedClusters"],
            "azurerm_container_registry": ["Microsoft.ContainerRegistry/registries"],
            "azurerm_cosmosdb_account": ["Microsoft.DocumentDB/databaseAccounts"],
            "azurerm_redis_cache": ["Microsoft.Cache/redis"],
            "azurerm_eventhub_namespace": ["Microsoft.EventHub/namespaces"],
            "azurerm_servicebus_namespace": ["Microsoft.ServiceBus/namespaces"],
            "azurerm_virtual_network": ["Microsoft.Network/virtualNetworks"],
            "azurerm_subnet": ["Microsoft.Network/virtualNetworks"],
            "azurerm_subnet_network_security_group_association": ["Microsoft.Network/virtualNetworks"],
            "azurerm_network_watcher_flow_log": [
                "Microsoft.Network/networkWatchers", "Microsoft.Network/networkWatchers/flowLogs",
            ],
            "azurerm_application_gateway": ["Microsoft.Network/applicationGateways"],
            "azurerm_web_application_firewall_policy": [
                "Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies"
            ],
            "azurerm_frontdoor": ["Microsoft.Network/frontDoors"],
            "azurerm_frontdoor_firewall_policy": ["Microsoft.Network/FrontDoorWebApplicationFirewallPolicies"],
            "azurerm_cdn_frontdoor_firewall_policy": ["Microsoft.Network/FrontDoorWebApplicationFirewallPolicies"],
            "azurerm_linux_web_app": ["Microsoft.Web/sites"],
            "azurerm_windows_web_app": ["Microsoft.Web/sites"],
            "azurerm_linux_function_app": ["Microsoft.Web/sites"],
            "azurerm_windows_function_app": ["Microsoft.Web/sites"],
            "azurerm_postgresql_flexible_server": ["Microsoft.DBforPostgreSQL/flexibleServers"],
            "azurerm_postgresql_flexible_server_configuration": [
                "Microsoft.DBforPostgreSQL/flexibleServers", "Microsoft.DBforPostgreSQL/flexibleServers/configurations",
            ],
            "azurerm_mysql_flexible_server": ["Microsoft.DBforMySQL/flexibleServers"],
            "azurerm_mysql_flexible_server_configuration": [
                "Microsoft.DBforMySQL/flexibleServers", "Microsoft.DBforMySQL/flexibleServers/configurations",
            ],
            "azurerm_key_vault_key": ["Microsoft.KeyVault/vaults", "Microsoft.KeyVault/vaults/keys"],
            "azurerm_key_vault_secret": ["Microsoft.KeyVault/vaults", "Microsoft.KeyVault/vaults/secrets"],
            "azurerm_monitor_activity_log_alert": ["Microsoft.Insights/activityLogAlerts"],
            "azurerm_security_center_contact": ["Microsoft.Security/securityContacts"],
            "azurerm_security_center_auto_provisioning": ["Microsoft.Security/autoProvisioningSettings"],
            "azurerm_security_center_setting": ["Microsoft.Security/settings"],
            "azurerm_role_assignment": ["Microsoft.Authorization/roleAssignments"],
            "azurerm_role_definition": ["Microsoft.Authorization/roleDefinitions"],
            "azurerm_subscription_policy_assignment": ["Microsoft.Authorization/policyAssignments"],
            "azurerm_resource_group_policy_assignment": ["Microsoft.Authorization/policyAssignments"],
            "azurerm_resource_policy_assignment": ["Microsoft.Authorization/policyAssignments"],
            "azurerm_management_group_policy_assignment": ["Microsoft.Authorization/policyAssignments"],
        ]
        let graph = "graph:/v1.0/"
        azure["azuread_security_defaults_policy"] = [graph + "policies/identitySecurityDefaultsEnforcementPolicy"]
        azure["azuread_authorization_policy"] = [graph + "policies/authorizationPolicy"]
        azure["azuread_conditional_access_policy"] = [graph + "identity/conditionalAccess/policies"]
        for (type, services) in azure { owners[type] = Owner(cloud: "azure", services: services) }
        return owners
    }()

    /// Error services that mean nothing of the cloud can be trusted as complete (a failed token, an unlabelled call).
    public static let wholeCloud: Set<String> = ["arm", "sts"]
}
