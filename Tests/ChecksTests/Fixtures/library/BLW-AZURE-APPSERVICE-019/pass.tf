# PASSES: both publishing endpoints refuse basic authentication.

resource "azurerm_linux_function_app" "this" {
  name                       = "func-orders"
  resource_group_name        = "rg-web"
  location                   = "westeurope"
  service_plan_id            = "/subscriptions/0000/resourceGroups/rg-web/providers/Microsoft.Web/serverFarms/asp"
  storage_account_name       = "stfunc"
  storage_account_access_key = "placeholder"

  ftp_publish_basic_authentication_enabled       = false
  webdeploy_publish_basic_authentication_enabled = false

  site_config {
  }
}
