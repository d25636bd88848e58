# PASSES: the legacy azurerm_app_service sets ftps_state explicitly.

resource "azurerm_app_service" "legacy" {
  name                = "app-legacy-orders"
  location            = "westeurope"
  resource_group_name = "rg-web"
  app_service_plan_id = "/subscriptions/0000/resourceGroups/rg-web/providers/Microsoft.Web/serverfarms/asp"

  site_config {
    ftps_state = "Disabled"
  }
}
