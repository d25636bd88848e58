# PASSES: remote debugging keeps its default (off).

resource "azurerm_linux_web_app" "this" {
  name                = "app-orders"
  resource_group_name = "rg-web"
  location            = "westeurope"
  service_plan_id     = "/subscriptions/0000/resourceGroups/rg-web/providers/Microsoft.Web/serverFarms/asp"

  site_config {
  }
}

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
