terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 3.100"
    }
  }
}

provider "azurerm" {
  features {}
}

variable "location" {
  type    = string
  default = "westeurope"
}

variable "environment" {
  type    = string
  default = "prod"
}

variable "allowed_admin_prefixes" {
  type    = list(string)
  default = ["203.0.113.0/24"]
}

locals {
  prefix = "blw${var.environment}"
  tags   = { owner = "platform-security", environment = var.environment }
}

resource "azurerm_resource_group" "main" {
  name     = "rg-${local.prefix}"
  location = var.location
  tags     = local.tags
}

resource "azurerm_storage_account" "logs" {
  # bulwark:skip=BLW-AZURE-STORAGE-010 Microsoft-managed keys are accepted for log storage (risk RISK-112)
  # bulwark:skip=BLW-AZURE-STORAGE-019 public network access is off; the private endpoint comes with the hub network (RISK-131)
  name                              = "${local.prefix}logs"
  resource_group_name               = azurerm_resource_group.main.name
  location                          = azurerm_resource_group.main.location
  account_tier                      = "Standard"
  account_replication_type          = "GRS"
  https_traffic_only_enabled        = true
  min_tls_version                   = "TLS1_2"
  allow_nested_items_to_be_public   = false
  public_network_access_enabled     = false
  infrastructure_encryption_enabled = true
  shared_access_key_enabled         = false
  cross_tenant_replication_enabled  = false

  sas_policy {
    expiration_period = "01.00:00:00"
  }

  network_rules {
    default_action = "Deny"
    bypass         = ["AzureServices"]
  }

  queue_properties {
    logging {
      read                  = true
      write                 = true
      delete                = true
      version               = "1.0"
      retention_policy_days = 90
    }
  }

  blob_properties {
    versioning_enabled = true

    delete_retention_policy {
      days = 30
    }
    container_delete_retention_policy {
      days = 30
    }
  }

  tags = local.tags
}

resource "azurerm_network_security_group" "admin" {
  name                = "nsg-${local.prefix}-admin"
  location            = azurerm_resource_group.main.location
  resource_group_name = azurerm_resource_group.main.name

  dynamic "security_rule" {
    for_each = { for i, prefix in var.allowed_admin_prefixes : tostring(i) => prefix }
    content {
      name                       = "ssh-admin-${security_rule.key}"
      priority                   = 100 + tonumber(security_rule.key)
      direction                  = "Inbound"
      access                     = "Allow"
      protocol                   = "Tcp"
      source_port_range          = "*"
      destination_port_range     = "22"
      source_address_prefix      = security_rule.value
      destination_address_prefix = "*"
    }
  }
}

resource "azurerm_key_vault" "main" {
  # bulwark:skip=BLW-AZURE-KEYVAULT-012 public network access is off; the private endpoint comes with the hub network (RISK-131)
  name                          = "kv-${local.prefix}"
  location                      = azurerm_resource_group.main.location
  resource_group_name           = azurerm_resource_group.main.name
  tenant_id                     = "00000000-0000-0000-0000-000000000000"
  sku_name                      = "standard"
  purge_protection_enabled      = true
  soft_delete_retention_days    = 90
  enable_rbac_authorization     = true
  public_network_access_enabled = false
  tags                          = local.tags

  network_acls {
    default_action = "Deny"
    bypass         = "AzureServices"
    ip_rules       = var.allowed_admin_prefixes
  }
}

# FINDING ON PURPOSE (BLW-AZURE-KEYVAULT-007, medium): no diagnostic setting sends the vault's AuditEvent
# logs anywhere yet, so secret reads are not recorded. The Log Analytics workspace lands in a later change.
