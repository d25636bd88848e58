variable "name" {
  description = "Name prefix of every resource (lowercase letters, digits and hyphens; the Key Vault name adds a suffix)."
  type        = string
  default     = "bulwark"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,15}$", var.name))
    error_message = "name must be 2-16 lowercase letters, digits or hyphens, starting with a letter."
  }
}

variable "resource_group_name" {
  description = "Existing resource group that holds every resource."
  type        = string
}

variable "location" {
  description = "Azure region."
  type        = string
}

variable "virtual_network_id" {
  description = "Virtual network the subnets below belong to; the private DNS zones are linked to it."
  type        = string
}

variable "container_apps_subnet_id" {
  description = "Subnet (/27 or larger) delegated to Microsoft.App/environments for the Container Apps environment."
  type        = string
}

variable "postgres_subnet_id" {
  description = "Subnet delegated to Microsoft.DBforPostgreSQL/flexibleServers for the database."
  type        = string
}

variable "private_endpoint_subnet_id" {
  description = "Subnet of the Key Vault private endpoint."
  type        = string
}

variable "ingress_cidr_blocks" {
  description = "IPv4 CIDR blocks allowed to reach the app (the Git host's webhook ranges and your users)."
  type        = list(string)
}

variable "image" {
  description = "Container image of Bulwark, pinned by digest (registry/bulwark@sha256:...)."
  type        = string
}

variable "registry_server" {
  description = "Login server of the private registry the image is pulled from with the app's identity (null: public image)."
  type        = string
  default     = null
}

variable "command" {
  description = "Arguments of the container (the image's entrypoint is the bulwark binary); the server listens on 8080."
  type        = list(string)
  default     = ["serve"]
}

variable "environment" {
  description = "Extra non-secret environment variables of the container."
  type        = map(string)
  default     = {}
}

variable "cpu" {
  description = "vCPUs of the container."
  type        = number
  default     = 1
}

variable "memory" {
  description = "Memory of the container (Container Apps pairs it with cpu: 0.5 vCPU per 1Gi)."
  type        = string
  default     = "2Gi"
}

variable "git_token" {
  description = "Token Bulwark reads repositories and opens pull requests with. Stored in Key Vault only."
  type        = string
  sensitive   = true
}

variable "webhook_secret" {
  description = "Shared secret the Git host signs webhook deliveries with. Stored in Key Vault only."
  type        = string
  sensitive   = true
}

variable "secret_expiration_date" {
  description = "Expiry (RFC 3339) of the Git token and webhook secret in Key Vault: rotate them before it."
  type        = string
}

variable "postgres_sku_name" {
  description = "SKU of the PostgreSQL Flexible Server."
  type        = string
  default     = "GP_Standard_D2ds_v5"
}

variable "postgres_storage_mb" {
  description = "Storage of the PostgreSQL Flexible Server in MiB."
  type        = number
  default     = 65536
}

variable "postgres_version" {
  description = "PostgreSQL major version."
  type        = string
  default     = "16"
}

variable "postgres_backup_retention_days" {
  description = "Days of database backups (7-35)."
  type        = number
  default     = 14
}

variable "log_retention_days" {
  description = "Days the Log Analytics workspace keeps logs."
  type        = number
  default     = 365
}

variable "enable_remediation" {
  description = "Create the separate identity and role holding the write actions of Bulwark's live fixes. Off: Bulwark only reads."
  type        = bool
  default     = false
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}

variable "controller_config" {
  description = "The controller config (bulwark.yaml) as text: targets, frameworks, clouds. Reference the secrets as {env: BULWARK_GIT_TOKEN} and {env: BULWARK_WEBHOOK_SECRET}; the container writes it to $BULWARK_HOME/bulwark.yaml."
  type        = string
}
