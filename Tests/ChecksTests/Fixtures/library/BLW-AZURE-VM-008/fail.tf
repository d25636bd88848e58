# FAILS: the OS disk is a VHD blob.

resource "azurerm_virtual_machine" "this" {
  name                  = "vm-legacy"
  location              = "westeurope"
  resource_group_name   = "rg-vm"
  network_interface_ids = ["/subscriptions/0000/resourceGroups/rg-vm/providers/Microsoft.Network/networkInterfaces/nic-legacy"]
  vm_size               = "Standard_D2s_v5"

  storage_os_disk {
    name          = "osdisk"
    vhd_uri       = "https://stvhd.blob.core.windows.net/vhds/osdisk.vhd"
    create_option = "FromImage"
  }
}
