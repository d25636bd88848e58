# FAILS: basic authentication keeps its defaults (enabled).

resource "azurerm_linux_web_app" "this" {
  name                = "app-orders"
  resource_group_name = "rg-web"
  location            = "westeurope"
  service_plan_id     = "/subscriptions/0000/resourceGroups/rg-web/providers/Microsoft.Web/serverFarms/asp"

  site_config {
  }
}
