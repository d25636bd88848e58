variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "environment" {
  type    = string
  default = "prod"
}

variable "admin_cidr" {
  description = "The only network allowed to reach SSH."
  type        = string
  default     = "203.0.113.0/24"
}

variable "buckets" {
  description = "Application buckets and whether they keep object versions."
  type = map(object({
    versioning = bool
    retention  = optional(number, 90)
  }))
  default = {
    artifacts = { versioning = true }
    reports   = { versioning = true, retention = 365 }
  }
}
