# PASSES: azurerm_linux_web_app defaults ftps_state to Disabled.

resource "azurerm_linux_web_app" "web" {
  name                = "app-orders-web"
  resource_group_name = "rg-web"
  location            = "westeurope"
  service_plan_id     = "/subscriptions/0000/resourceGroups/rg-web/providers/Microsoft.Web/serverFarms/asp"

  site_config {}
}
