resource "azurerm_container_app_environment" "this" {
  name                       = "${var.name}-env"
  resource_group_name        = var.resource_group_name
  location                   = var.location
  log_analytics_workspace_id = azurerm_log_analytics_workspace.this.id
  infrastructure_subnet_id   = var.container_apps_subnet_id
  zone_redundancy_enabled    = true

  workload_profile {
    name                  = "Consumption"
    workload_profile_type = "Consumption"
  }

  tags = local.tags
}

locals {
  database_url = "postgres://${azurerm_user_assigned_identity.this.name}@${azurerm_postgresql_flexible_server.this.fqdn}:5432/${azurerm_postgresql_flexible_server_database.bulwark.name}?sslmode=require"

  environment = merge(var.environment, {
    BULWARK_DATABASE_URL = local.database_url
    BULWARK_LISTEN       = "0.0.0.0:${local.port}"
    BULWARK_CONFIG_YAML  = var.controller_config
    # Which managed identity the app's token requests use (the app may carry the remediation one too).
    AZURE_CLIENT_ID = azurerm_user_assigned_identity.this.client_id
  })

  identity_ids = concat(
    [azurerm_user_assigned_identity.this.id],
    var.enable_remediation ? [azurerm_user_assigned_identity.remediation[0].id] : [],
  )
}

resource "azurerm_container_app" "this" {
  name                         = var.name
  resource_group_name          = var.resource_group_name
  container_app_environment_id = azurerm_container_app_environment.this.id
  revision_mode                = "Single"
  workload_profile_name        = "Consumption"

  identity {
    type         = "UserAssigned"
    identity_ids = local.identity_ids
  }

  dynamic "registry" {
    for_each = var.registry_server == null ? [] : [var.registry_server]

    content {
      server   = registry.value
      identity = azurerm_user_assigned_identity.this.id
    }
  }

  # The values stay in Key Vault; Container Apps reads them with the app's identity.
  secret {
    name                = "git-token"
    key_vault_secret_id = azurerm_key_vault_secret.git_token.versionless_id
    identity            = azurerm_user_assigned_identity.this.id
  }

  secret {
    name                = "webhook-secret"
    key_vault_secret_id = azurerm_key_vault_secret.webhook_secret.versionless_id
    identity            = azurerm_user_assigned_identity.this.id
  }

  ingress {
    external_enabled           = true
    allow_insecure_connections = false
    target_port                = local.port
    transport                  = "http"

    traffic_weight {
      latest_revision = true
      percentage      = 100
    }

    dynamic "ip_security_restriction" {
      for_each = var.ingress_cidr_blocks

      content {
        name             = "allow-${ip_security_restriction.key}"
        description      = "Allowed range ${ip_security_restriction.value}"
        action           = "Allow"
        ip_address_range = ip_security_restriction.value
      }
    }
  }

  template {
    min_replicas = 1
    max_replicas = 1

    container {
      name   = "bulwark"
      image  = var.image
      args   = var.command
      cpu    = var.cpu
      memory = var.memory

      dynamic "env" {
        for_each = local.environment

        content {
          name  = env.key
          value = env.value
        }
      }

      env {
        name        = "BULWARK_GIT_TOKEN"
        secret_name = "git-token"
      }

      env {
        name        = "BULWARK_WEBHOOK_SECRET"
        secret_name = "webhook-secret"
      }

      liveness_probe {
        transport = "HTTP"
        port      = local.port
        path      = "/health/live"
      }

      readiness_probe {
        transport = "HTTP"
        port      = local.port
        path      = "/health/ready"
      }
    }
  }

  tags = local.tags

  depends_on = [azurerm_role_assignment.app_secrets_user]
}
