# PASSES: a managed OS disk.

resource "azurerm_virtual_machine" "this" {
  name                  = "vm-legacy"
  location              = "westeurope"
  resource_group_name   = "rg-vm"
  network_interface_ids = ["/subscriptions/0000/resourceGroups/rg-vm/providers/Microsoft.Network/networkInterfaces/nic-legacy"]
  vm_size               = "Standard_D2s_v5"

  storage_os_disk {
    name              = "osdisk"
    create_option     = "FromImage"
    managed_disk_type = "Premium_LRS"
  }
}
