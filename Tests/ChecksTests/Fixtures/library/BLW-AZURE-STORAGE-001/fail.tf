# FAILS: secure transfer is switched off through a local (allow_http = "yes").
locals {
  allow_http = "yes"
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-data"
  location = "westeurope"
}

resource "azurerm_storage_account" "main" {
  name                       = "stdatamain001"
  resource_group_name        = azurerm_resource_group.rg.name
  location                   = azurerm_resource_group.rg.location
  account_tier               = "Standard"
  account_replication_type   = "GRS"
  https_traffic_only_enabled = local.allow_http == "yes" ? false : true
}
