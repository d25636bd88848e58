resource "azurerm_key_vault" "main" {
  name                       = "acme-kv"
  sku_name                   = "standard"
  purge_protection_enabled   = true
  soft_delete_retention_days = 90
}
