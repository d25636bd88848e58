# PASSED: the expiration date is set; its value is computed from timestamp() at apply time, but that it
# exists is known.

resource "azurerm_key_vault_key" "cmk" {
  name            = "cmk-storage"
  key_vault_id    = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-sec/providers/Microsoft.KeyVault/vaults/kv-sec"
  key_type        = "RSA"
  key_size        = 3072
  key_opts        = ["unwrapKey", "wrapKey"]
  expiration_date = timeadd(timestamp(), "8760h")
}
