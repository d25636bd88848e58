# FAILS: only platform-managed keys protect the disk.

resource "azurerm_resource_group" "rg" {
  name     = "rg-app"
  location = "westeurope"
}

resource "azurerm_managed_disk" "data" {
  name                 = "disk-data"
  location             = azurerm_resource_group.rg.location
  resource_group_name  = azurerm_resource_group.rg.name
  storage_account_type = "Premium_LRS"
  create_option        = "Empty"
  disk_size_gb         = 256

}
