# FAILS: a software-protected RSA key.

resource "azurerm_key_vault_key" "this" {
  name         = "orders-key"
  key_vault_id = "/subscriptions/0000/resourceGroups/rg-apps/providers/Microsoft.KeyVault/vaults/kv-orders"
  key_size     = 2048
  key_opts     = ["decrypt", "encrypt", "sign", "unwrapKey", "verify", "wrapKey"]
  expiration_date = "2027-12-31T00:00:00Z"

  key_type = "RSA"
}
