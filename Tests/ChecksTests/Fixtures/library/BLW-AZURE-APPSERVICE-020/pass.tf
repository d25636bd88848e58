# PASSES: the default (on).

resource "azurerm_function_app" "this" {
  name                       = "func-legacy"
  resource_group_name        = "rg-web"
  location                   = "westeurope"
  app_service_plan_id        = "/subscriptions/0000/resourceGroups/rg-web/providers/Microsoft.Web/serverFarms/asp"
  storage_account_name       = "stfunc"
  storage_account_access_key = "placeholder"

  site_config {
  }
}
