# FAILS: the rule admits all Azure services.

resource "azurerm_postgresql_flexible_server_firewall_rule" "azure" {
  name             = "allow-azure"
  server_id        = "/subscriptions/0000/resourceGroups/rg-data/providers/Microsoft.DBforPostgreSQL/flexibleServers/psql-orders"
  start_ip_address = "0.0.0.0"
  end_ip_address   = "0.0.0.0"
}
