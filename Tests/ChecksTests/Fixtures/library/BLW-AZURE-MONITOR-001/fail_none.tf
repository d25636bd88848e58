# FAILS: no diagnostic setting exports the subscription's activity log.
data "azurerm_subscription" "current" {}
