# PASSES: public access is disabled.

resource "azurerm_windows_function_app" "this" {
  name                       = "func-billing"
  resource_group_name        = "rg-web"
  location                   = "westeurope"
  service_plan_id            = "/subscriptions/0000/resourceGroups/rg-web/providers/Microsoft.Web/serverFarms/asp"
  storage_account_name       = "stfunc"
  storage_account_access_key = "placeholder"

  public_network_access_enabled = false

  site_config {
  }
}
