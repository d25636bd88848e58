# PASSES: the legacy resource requires TLS 1.2 through min_tls_version.

resource "azurerm_app_service" "legacy" {
  name                = "app-legacy-orders"
  location            = "westeurope"
  resource_group_name = "rg-web"
  app_service_plan_id = "/subscriptions/0000/resourceGroups/rg-web/providers/Microsoft.Web/serverfarms/asp"

  site_config {
    min_tls_version = "1.2"
  }
}
