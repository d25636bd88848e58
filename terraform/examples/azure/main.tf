# A production-like deployment into an existing virtual network. The secrets come from the environment
# (TF_VAR_git_token, TF_VAR_webhook_secret), never from a file in Git. The Key Vault is private, so this runs
# from a runner inside the virtual network.

terraform {
  required_version = ">= 1.6"

  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = ">= 4.0, < 5.0"
    }
  }
}

provider "azurerm" {
  features {}
  subscription_id = "00000000-1111-2222-3333-444444444444"
}

variable "git_token" {
  description = "Git host token (set TF_VAR_git_token)."
  type        = string
  sensitive   = true
}

variable "webhook_secret" {
  description = "Webhook signing secret (set TF_VAR_webhook_secret)."
  type        = string
  sensitive   = true
}

locals {
  vnet = "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/network-weu/providers/Microsoft.Network/virtualNetworks/hub-weu"
}

module "bulwark" {
  source = "../../azure"

  controller_config   = file("${path.module}/bulwark.yaml")
  name                = "bulwark"
  resource_group_name = "security-tools-weu"
  location            = "westeurope"

  virtual_network_id         = local.vnet
  container_apps_subnet_id   = "${local.vnet}/subnets/bulwark-apps"
  postgres_subnet_id         = "${local.vnet}/subnets/bulwark-db"
  private_endpoint_subnet_id = "${local.vnet}/subnets/private-endpoints"

  # GitHub's webhook delivery ranges (from its meta API) and the office VPN.
  ingress_cidr_blocks = ["192.30.252.0/22", "185.199.108.0/22", "140.82.112.0/20", "143.55.64.0/20", "198.51.100.0/24"]

  image           = "acmesecurity.azurecr.io/bulwark@sha256:4f1c0b8e1e7d2a9f6c3b5a7d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f"
  registry_server = "acmesecurity.azurecr.io"

  git_token              = var.git_token
  webhook_secret         = var.webhook_secret
  secret_expiration_date = "2027-06-30T00:00:00Z"

  # The live-fix identity is opt-in; this deployment approves fixes, so it is created.
  enable_remediation = true

  tags = {
    team        = "platform-security"
    environment = "production"
  }
}

output "url" {
  description = "Where the Git host's webhook points."
  value       = module.bulwark.url
}

output "remediation_identity_client_id" {
  description = "Identity Bulwark uses for approved live fixes."
  value       = module.bulwark.remediation_identity_client_id
}
