# FAILS: the legacy resource names the setting min_tls_version, and it accepts TLS 1.0.

resource "azurerm_app_service" "legacy" {
  name                = "app-legacy-orders"
  location            = "westeurope"
  resource_group_name = "rg-web"
  app_service_plan_id = "/subscriptions/0000/resourceGroups/rg-web/providers/Microsoft.Web/serverfarms/asp"

  site_config {
    min_tls_version = "1.0"
  }
}
