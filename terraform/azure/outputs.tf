output "url" {
  description = "HTTPS URL of the app (point the Git host's webhook at URL/webhooks/...)."
  value       = "https://${azurerm_container_app.this.ingress[0].fqdn}"
}

output "container_app_id" {
  description = "Resource ID of the container app."
  value       = azurerm_container_app.this.id
}

output "identity_client_id" {
  description = "Client ID of the app's managed identity (read-only discovery)."
  value       = azurerm_user_assigned_identity.this.client_id
}

output "identity_principal_id" {
  description = "Principal (object) ID of the app's managed identity."
  value       = azurerm_user_assigned_identity.this.principal_id
}

output "remediation_identity_client_id" {
  description = "Client ID of the live-fix identity, or null when enable_remediation is false."
  value       = var.enable_remediation ? azurerm_user_assigned_identity.remediation[0].client_id : null
}

output "postgres_fqdn" {
  description = "Private FQDN of the PostgreSQL Flexible Server."
  value       = azurerm_postgresql_flexible_server.this.fqdn
}

output "key_vault_id" {
  description = "Resource ID of the Key Vault holding the secrets."
  value       = azurerm_key_vault.this.id
}

output "log_analytics_workspace_id" {
  description = "Resource ID of the Log Analytics workspace."
  value       = azurerm_log_analytics_workspace.this.id
}
