# FAILS: a PostgreSQL flexible server firewall rule covering the whole IPv4 space.

resource "azurerm_postgresql_flexible_server_firewall_rule" "all" {
  name             = "all"
  server_id        = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-db/providers/Microsoft.DBforPostgreSQL/flexibleServers/pg-orders"
  start_ip_address = "0.0.0.0"
  end_ip_address   = "255.255.255.255"
}
