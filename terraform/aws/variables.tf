variable "name" {
  description = "Name prefix of every resource (lowercase letters, digits and hyphens)."
  type        = string
  default     = "bulwark"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,30}$", var.name))
    error_message = "name must be 2-31 lowercase letters, digits or hyphens, starting with a letter."
  }
}

variable "vpc_id" {
  description = "VPC the service, the load balancer and the database run in."
  type        = string
}

variable "private_subnet_ids" {
  description = "Private subnets (at least two Availability Zones) for the Fargate tasks and the database."
  type        = list(string)

  validation {
    condition     = length(var.private_subnet_ids) >= 2
    error_message = "give at least two private subnets in different Availability Zones."
  }
}

variable "public_subnet_ids" {
  description = "Subnets of the internet-facing load balancer (at least two Availability Zones)."
  type        = list(string)

  validation {
    condition     = length(var.public_subnet_ids) >= 2
    error_message = "give at least two public subnets in different Availability Zones."
  }
}

variable "ingress_cidr_blocks" {
  description = "CIDR blocks allowed to reach the load balancer on 443 (the Git host's webhook ranges and your users)."
  type        = list(string)
}

variable "certificate_arn" {
  description = "ACM certificate ARN of the HTTPS listener."
  type        = string
}

variable "web_acl_arn" {
  description = "WAFv2 web ACL (regional) associated with the load balancer."
  type        = string
}

variable "access_logs_bucket" {
  description = "Existing S3 bucket that receives the load balancer's access logs (SSE-S3, with the ELB log delivery policy)."
  type        = string
}

variable "image" {
  description = "Container image of Bulwark, pinned by digest (registry/bulwark@sha256:...)."
  type        = string
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
  description = "Fargate task CPU units."
  type        = number
  default     = 1024
}

variable "memory" {
  description = "Fargate task memory in MiB."
  type        = number
  default     = 2048
}

variable "desired_count" {
  description = "Number of tasks."
  type        = number
  default     = 1
}

variable "git_token" {
  description = "Token Bulwark reads repositories and opens pull requests with. Stored in Secrets Manager only."
  type        = string
  sensitive   = true
}

variable "webhook_secret" {
  description = "Shared secret the Git host signs webhook deliveries with. Stored in Secrets Manager only."
  type        = string
  sensitive   = true
}

variable "db_instance_class" {
  description = "RDS instance class."
  type        = string
  default     = "db.t4g.medium"
}

variable "db_allocated_storage" {
  description = "Initial database storage in GiB (autoscaled up to four times as much)."
  type        = number
  default     = 50
}

variable "db_engine_version" {
  description = "PostgreSQL major version."
  type        = string
  default     = "16"
}

variable "db_backup_retention_days" {
  description = "Days of automated database backups."
  type        = number
  default     = 14
}

variable "log_retention_days" {
  description = "Days the CloudWatch log group keeps the service's logs."
  type        = number
  default     = 365
}

variable "cloudtrail_bucket_name" {
  description = "S3 bucket holding the CloudTrail logs Bulwark reads for activity anomalies."
  type        = string
}

variable "cloudtrail_kms_key_arn" {
  description = "KMS key the CloudTrail logs are encrypted with (null when the trail uses SSE-S3)."
  type        = string
  default     = null
}

variable "enable_remediation" {
  description = "Create the separate role holding the write actions of Bulwark's live fixes. Off: Bulwark only reads."
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
