# FAILS: the rule admits the internet.

resource "azurerm_postgresql_flexible_server_firewall_rule" "all" {
  name             = "all"
  server_id        = "/subscriptions/0000/resourceGroups/rg-data/providers/Microsoft.DBforPostgreSQL/flexibleServers/psql-orders"
  start_ip_address = "1.0.0.0"
  end_ip_address   = "255.255.255.255"
}
