# UNKNOWN: the value comes from a variable without a value.

variable "value" {
  type = string
}

resource "azurerm_postgresql_configuration" "this" {
  name                = "log_checkpoints"
  resource_group_name = "rg-data"
  server_name         = "psql-legacy"
  value               = var.value
}
