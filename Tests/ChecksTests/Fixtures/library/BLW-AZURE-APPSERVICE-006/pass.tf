# PASSES: client certificates are required.

resource "azurerm_linux_web_app" "this" {
  name                = "app-orders"
  resource_group_name = "rg-web"
  location            = "westeurope"
  service_plan_id     = "/subscriptions/0000/resourceGroups/rg-web/providers/Microsoft.Web/serverFarms/asp"

  client_certificate_enabled = true
  client_certificate_mode    = "Required"

  site_config {
  }
}
