# FAILS: no network ACLs, so every network is allowed.

resource "azurerm_resource_group" "rg" {
  name     = "rg-app"
  location = "westeurope"
}

data "azurerm_client_config" "current" {}

resource "azurerm_key_vault" "main" {
  name                     = "kv-app-main"
  location                 = azurerm_resource_group.rg.location
  resource_group_name      = azurerm_resource_group.rg.name
  tenant_id                = data.azurerm_client_config.current.tenant_id
  sku_name                 = "standard"
  purge_protection_enabled = true
}
