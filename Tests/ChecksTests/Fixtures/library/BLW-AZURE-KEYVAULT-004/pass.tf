# PASSES: the secret expires.

resource "azurerm_key_vault_secret" "db" {
  name            = "db-password"
  value           = var.db_password
  key_vault_id    = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-sec/providers/Microsoft.KeyVault/vaults/kv-sec"
  content_type    = "password"
  expiration_date = "2027-06-30T00:00:00Z"
}

variable "db_password" {
  type      = string
  sensitive = true
}
