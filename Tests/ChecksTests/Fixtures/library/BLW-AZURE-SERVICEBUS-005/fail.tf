# FAILS: a customer-managed key without infrastructure encryption.

resource "azurerm_servicebus_namespace" "this" {
  name                = "sb-orders"
  location            = "westeurope"
  resource_group_name = "rg-apps"
  sku                 = "Premium"
  capacity            = 1
  premium_messaging_partitions = 1

  identity {
    type         = "UserAssigned"
    identity_ids = ["/subscriptions/0000/resourceGroups/rg-apps/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-sb"]
  }

  customer_managed_key {
    key_vault_key_id                  = "https://kv-orders.vault.azure.net/keys/sb/0000"
    identity_id                       = "/subscriptions/0000/resourceGroups/rg-apps/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-sb"
    infrastructure_encryption_enabled = false
  }
}
