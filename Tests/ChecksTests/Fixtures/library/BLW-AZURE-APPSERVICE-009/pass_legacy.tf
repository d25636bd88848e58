# PASSES: the legacy attribute name.

resource "azurerm_app_service" "this" {
  name                = "app-legacy"
  location            = "westeurope"
  resource_group_name = "rg-web"
  app_service_plan_id = "/subscriptions/0000/resourceGroups/rg-web/providers/Microsoft.Web/serverfarms/asp"

  logs {
    detailed_error_messages_enabled = true
  }

  site_config {
  }
}
