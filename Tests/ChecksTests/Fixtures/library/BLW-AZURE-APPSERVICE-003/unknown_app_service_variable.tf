# UNKNOWN: the legacy resource's ftps_state comes from a variable without a default or value.

variable "ftps_state" {
  type = string
}

resource "azurerm_app_service" "legacy" {
  name                = "app-legacy-orders"
  location            = "westeurope"
  resource_group_name = "rg-web"
  app_service_plan_id = "/subscriptions/0000/resourceGroups/rg-web/providers/Microsoft.Web/serverfarms/asp"

  site_config {
    ftps_state = var.ftps_state
  }
}
