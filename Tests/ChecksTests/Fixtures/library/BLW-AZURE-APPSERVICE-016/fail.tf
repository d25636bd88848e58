# FAILS: public access (provider default).

resource "azurerm_linux_function_app" "this" {
  name                       = "func-orders"
  resource_group_name        = "rg-web"
  location                   = "westeurope"
  service_plan_id            = "/subscriptions/0000/resourceGroups/rg-web/providers/Microsoft.Web/serverFarms/asp"
  storage_account_name       = "stfunc"
  storage_account_access_key = "placeholder"

  site_config {
  }
}
