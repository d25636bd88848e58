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
                "aws_iam_user_policy_attachment", "aws_iam_virtual_mfa_device",
            ],
            "rds": ["aws_db_instance"],
            "kms": ["aws_kms_key"],
            "cloudtrail": ["aws_cloudtrail"],
            "config": ["aws_config_configuration_recorder", "aws_config_configuration_recorder_status"],
            "logs": ["aws_cloudwatch_log_group"],
        ]
        for (service, types) in aws { for type in types { owners[type] = Owner(cloud: "aws", services: [service]) } }
        for (service, types) in awsInventory { for type in types { owners[type] = Owner(cloud: "aws", services: [service]) } }
        let sql = "Microsoft.Sql/servers"
        let azure: [String: [String]] = [
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
        ]
        for (type, services) in azure { owners[type] = Owner(cloud: "azure", services: services) }
        return owners
    }()

    /// Error services that mean nothing of the cloud can be trusted as complete (a failed token, an unlabelled call).
    public static let wholeCloud: Set<String> = ["arm", "sts"]
}
