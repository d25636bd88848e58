# FAILS: https_only is omitted and defaults to false.

resource "azurerm_resource_group" "rg" {
  name     = "rg-web"
  location = "westeurope"
}

resource "azurerm_service_plan" "plan" {
  name                = "asp-web"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
  os_type             = "Linux"
  sku_name            = "P1v3"
}

resource "azurerm_linux_web_app" "web" {
  name                = "app-orders-web"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_service_plan.plan.location
  service_plan_id     = azurerm_service_plan.plan.id


  site_config {
    always_on = true
  }
}
