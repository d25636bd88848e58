# PASSES: HTTP logs go to the file system for 30 days.

resource "azurerm_linux_web_app" "this" {
  name                = "app-orders"
  resource_group_name = "rg-web"
  location            = "westeurope"
  service_plan_id     = "/subscriptions/0000/resourceGroups/rg-web/providers/Microsoft.Web/serverFarms/asp"

  logs {
    http_logs {
      file_system {
        retention_in_days = 30
        retention_in_mb   = 35
      }
    }
  }

  site_config {
  }
}
