# FAILS: no data access authentication mode.

resource "azurerm_managed_disk" "this" {
  name                 = "disk-data"
  location             = "westeurope"
  resource_group_name  = "rg-vm"
  storage_account_type = "Premium_LRS"
  create_option        = "Empty"
  disk_size_gb         = 64
}
