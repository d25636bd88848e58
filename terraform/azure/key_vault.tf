# Key Vault names are global: a short hash of the resource group keeps two deployments named alike apart.
resource "azurerm_key_vault" "this" {
  name                          = "${var.name}-${substr(sha1("${var.resource_group_name}/${var.name}"), 0, 6)}"
  resource_group_name           = var.resource_group_name
  location                      = var.location
  tenant_id                     = local.tenant_id
  sku_name                      = "standard"
  enable_rbac_authorization     = true
  purge_protection_enabled      = true
  soft_delete_retention_days    = 90
  public_network_access_enabled = false

  network_acls {
    default_action = "Deny"
    bypass         = "AzureServices"
  }

  tags = local.tags
}

resource "azurerm_private_endpoint" "key_vault" {
  name                = "${var.name}-key-vault"
  resource_group_name = var.resource_group_name
  location            = var.location
  subnet_id           = var.private_endpoint_subnet_id

  private_service_connection {
    name                           = "${var.name}-key-vault"
    private_connection_resource_id = azurerm_key_vault.this.id
    subresource_names              = ["vault"]
    is_manual_connection           = false
  }

  private_dns_zone_group {
    name                 = "key-vault"
    private_dns_zone_ids = [azurerm_private_dns_zone.key_vault.id]
  }

  tags = local.tags
}

resource "azurerm_monitor_diagnostic_setting" "key_vault" {
  name                       = "audit-to-log-analytics"
  target_resource_id         = azurerm_key_vault.this.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.this.id

  enabled_log {
    category_group = "audit"
  }
}

# Whoever runs Terraform writes the two secrets; the vault is private, so that runs inside the virtual network.
resource "azurerm_role_assignment" "deployer_secrets_officer" {
  scope                = azurerm_key_vault.this.id
  role_definition_name = "Key Vault Secrets Officer"
  principal_id         = data.azurerm_client_config.current.object_id
}

resource "azurerm_role_assignment" "app_secrets_user" {
  scope                = azurerm_key_vault.this.id
  role_definition_name = "Key Vault Secrets User"
  principal_id         = azurerm_user_assigned_identity.this.principal_id
  principal_type       = "ServicePrincipal"
}

resource "azurerm_key_vault_secret" "git_token" {
  name            = "git-token"
  key_vault_id    = azurerm_key_vault.this.id
  value           = var.git_token
  content_type    = "text/plain; Git host token"
  expiration_date = var.secret_expiration_date
  tags            = local.tags

  depends_on = [azurerm_role_assignment.deployer_secrets_officer, azurerm_private_endpoint.key_vault]
}

resource "azurerm_key_vault_secret" "webhook_secret" {
  name            = "webhook-secret"
  key_vault_id    = azurerm_key_vault.this.id
  value           = var.webhook_secret
  content_type    = "text/plain; webhook signing secret"
  expiration_date = var.secret_expiration_date
  tags            = local.tags

  depends_on = [azurerm_role_assignment.deployer_secrets_officer, azurerm_private_endpoint.key_vault]
}
