# UNKNOWN: the start address comes from a variable without a value.

variable "value" {
  type = string
}

resource "azurerm_postgresql_flexible_server_firewall_rule" "office" {
  name             = "office"
  server_id        = "/subscriptions/0000/resourceGroups/rg-data/providers/Microsoft.DBforPostgreSQL/flexibleServers/psql-orders"
  start_ip_address = var.value
  end_ip_address   = "203.0.113.20"
}
