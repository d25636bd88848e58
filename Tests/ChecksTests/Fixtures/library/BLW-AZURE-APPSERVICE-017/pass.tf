# PASSES: the slot is HTTPS only.

resource "azurerm_windows_web_app_slot" "this" {
  name           = "staging"
  app_service_id = "/subscriptions/0000/resourceGroups/rg-web/providers/Microsoft.Web/sites/app-billing"

  https_only = true

  site_config {
  }
}
