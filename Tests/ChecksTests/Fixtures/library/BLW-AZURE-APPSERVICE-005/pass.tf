# PASSES: a system-assigned identity.

resource "azurerm_windows_web_app" "this" {
  name                = "app-billing"
  resource_group_name = "rg-web"
  location            = "westeurope"
  service_plan_id     = "/subscriptions/0000/resourceGroups/rg-web/providers/Microsoft.Web/serverFarms/asp"

  identity {
    type = "SystemAssigned"
  }

  site_config {
  }
}
