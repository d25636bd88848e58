# PASSES: one office range.

resource "azurerm_postgresql_flexible_server_firewall_rule" "office" {
  name             = "office"
  server_id        = "/subscriptions/0000/resourceGroups/rg-data/providers/Microsoft.DBforPostgreSQL/flexibleServers/psql-orders"
  start_ip_address = "203.0.113.10"
  end_ip_address   = "203.0.113.20"
}
