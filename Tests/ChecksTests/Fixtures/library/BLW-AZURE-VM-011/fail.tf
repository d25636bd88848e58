# FAILS: no Trusted Launch.

resource "azurerm_linux_virtual_machine" "this" {
  name                  = "vm-app"
  resource_group_name   = "rg-vm"
  location              = "westeurope"
  size                  = "Standard_D2s_v5"
  admin_username        = "azureuser"
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

  admin_ssh_key {
    username   = "azureuser"
    public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExampleKeyOnly azureuser"
  }
}
