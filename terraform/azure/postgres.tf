# Entra ID is the only way in: no password exists. The app's managed identity is the Entra administrator and
# connects with an access token for https://ossrdbms-aad.database.windows.net as the password.
resource "azurerm_postgresql_flexible_server" "this" {
  name                          = "${var.name}-db"
  resource_group_name           = var.resource_group_name
  location                      = var.location
  version                       = var.postgres_version
  sku_name                      = var.postgres_sku_name
  storage_mb                    = var.postgres_storage_mb
  auto_grow_enabled             = true
  zone                          = "1"
  delegated_subnet_id           = var.postgres_subnet_id
  private_dns_zone_id           = azurerm_private_dns_zone.postgres.id
  public_network_access_enabled = false
  backup_retention_days         = var.postgres_backup_retention_days
  geo_redundant_backup_enabled  = true

  authentication {
    active_directory_auth_enabled = true
    password_auth_enabled         = false
    tenant_id                     = local.tenant_id
  }

  high_availability {
    mode                      = "ZoneRedundant"
    standby_availability_zone = "2"
  }

  tags = local.tags

  depends_on = [azurerm_private_dns_zone_virtual_network_link.postgres]
}

resource "azurerm_postgresql_flexible_server_database" "bulwark" {
  name      = "bulwark"
  server_id = azurerm_postgresql_flexible_server.this.id
  charset   = "UTF8"
  collation = "en_US.utf8"
}

resource "azurerm_postgresql_flexible_server_active_directory_administrator" "app" {
  server_name         = azurerm_postgresql_flexible_server.this.name
  resource_group_name = var.resource_group_name
  tenant_id           = local.tenant_id
  object_id           = azurerm_user_assigned_identity.this.principal_id
  principal_name      = azurerm_user_assigned_identity.this.name
  principal_type      = "ServicePrincipal"
}

locals {
  postgres_settings = {
    "require_secure_transport"   = "on"
    "log_checkpoints"            = "on"
    "log_connections"            = "on"
    "log_disconnections"         = "on"
    "connection_throttle.enable" = "on"
    "logfiles.retention_days"    = "7"
  }
}

resource "azurerm_postgresql_flexible_server_configuration" "this" {
  for_each = local.postgres_settings

  name      = each.key
  server_id = azurerm_postgresql_flexible_server.this.id
  value     = each.value
}

resource "azurerm_monitor_diagnostic_setting" "postgres" {
  name                       = "logs-to-log-analytics"
  target_resource_id         = azurerm_postgresql_flexible_server.this.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.this.id

  enabled_log {
    category_group = "allLogs"
  }
}
