# FAILS: secure boot without a vTPM.

resource "azurerm_windows_virtual_machine" "this" {
  name                  = "vm-app"
  resource_group_name   = "rg-vm"
  location              = "westeurope"
  size                  = "Standard_D2s_v5"
  admin_username        = "azureuser"
  admin_password        = "placeholder"
  network_interface_ids = ["/subscriptions/0000/resourceGroups/rg-vm/providers/Microsoft.Network/networkInterfaces/nic-app"]

  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
  }

  source_image_reference {
    publisher = "Canonical"
    offer     = "ubuntu-24_04-lts"
    sku       = "server"
    version   = "latest"
  }

  secure_boot_enabled = true
}
