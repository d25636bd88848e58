# FAILS: TLS 1.0 is accepted.

resource "azurerm_app_service_slot" "this" {
  name                = "staging"
  app_service_name    = "app-legacy"
  location            = "westeurope"
  resource_group_name = "rg-web"
  app_service_plan_id = "/subscriptions/0000/resourceGroups/rg-web/providers/Microsoft.Web/serverfarms/asp"

  site_config {
    min_tls_version = "1.0"
  }
}
