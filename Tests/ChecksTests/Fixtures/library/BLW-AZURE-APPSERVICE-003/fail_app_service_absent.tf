# FAILS: the legacy azurerm_app_service has no provider default for ftps_state.

resource "azurerm_app_service_plan" "plan" {
  name                = "asp-legacy"
  location            = "westeurope"
  resource_group_name = "rg-web"

  sku {
    tier = "Standard"
    size = "S1"
  }
}

resource "azurerm_app_service" "legacy" {
  name                = "app-legacy-orders"
  location            = "westeurope"
  resource_group_name = "rg-web"
  app_service_plan_id = azurerm_app_service_plan.plan.id
  https_only          = true

  site_config {
    min_tls_version = "1.2"
  }
}
