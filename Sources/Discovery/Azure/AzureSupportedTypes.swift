extension AzureDiscovery {
    /// Every Terraform resource type Azure discovery can produce, sorted: what `discover --list-types` prints.
    public static let supportedTypes: [String] = [
        "azurerm_key_vault", "azurerm_linux_virtual_machine", "azurerm_managed_disk",
        "azurerm_monitor_diagnostic_setting", "azurerm_monitor_log_profile", "azurerm_mssql_database",
        "azurerm_mssql_firewall_rule", "azurerm_mssql_server", "azurerm_mssql_server_extended_auditing_policy",
        "azurerm_mssql_server_transparent_data_encryption", "azurerm_network_interface",
        "azurerm_network_security_group", "azurerm_network_security_rule", "azurerm_public_ip",
        "azurerm_security_center_subscription_pricing", "azurerm_storage_account", "azurerm_subscription",
        "azurerm_windows_virtual_machine",
    ]
}
