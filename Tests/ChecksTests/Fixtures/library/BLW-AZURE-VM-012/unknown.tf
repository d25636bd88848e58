# UNKNOWN: the flag comes from a variable without a value.

variable "flag" {
  type = bool
}

resource "azurerm_managed_disk" "this" {
  name                 = "disk-data"
  location             = "westeurope"
  resource_group_name  = "rg-vm"
  storage_account_type = "Premium_LRS"
  create_option        = "Empty"
  disk_size_gb         = 64

  encryption_settings {
    enabled = var.flag
  }
}
