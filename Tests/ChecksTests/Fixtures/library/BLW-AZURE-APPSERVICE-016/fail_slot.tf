# FAILS: a slot keeps public access.

resource "azurerm_linux_function_app_slot" "this" {
  name                 = "staging"
  function_app_id      = "/subscriptions/0000/resourceGroups/rg-web/providers/Microsoft.Web/sites/func-orders"
  storage_account_name = "stfunc"

  site_config {
  }
}
