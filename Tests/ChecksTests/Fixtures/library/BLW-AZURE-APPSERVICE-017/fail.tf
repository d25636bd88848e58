# FAILS: the slot answers over HTTP (provider default).

resource "azurerm_linux_web_app_slot" "this" {
  name           = "staging"
  app_service_id = "/subscriptions/0000/resourceGroups/rg-web/providers/Microsoft.Web/sites/app-orders"

  site_config {
  }
}
