variable "min_tls" {
  type    = string
  default = "TLS1_0"
}
# FAILS: the variable default lowers the minimum TLS version to 1.0.

resource "azurerm_resource_group" "rg" {
  name     = "rg-data"
  location = "westeurope"
}

resource "azurerm_storage_account" "main" {
  name                     = "stdatamain001"
  resource_group_name      = azurerm_resource_group.rg.name
  location                 = azurerm_resource_group.rg.location
  account_tier             = "Standard"
  account_replication_type = "GRS"
  min_tls_version          = var.min_tls
}
