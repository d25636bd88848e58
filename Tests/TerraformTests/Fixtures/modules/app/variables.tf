variable "environment" {
  type    = string
  default = "dev"
}

variable "buckets" {
  type = map(object({
    versioning = bool
    tier       = optional(string, "standard")
  }))
  default = {
    logs = { versioning = true }
    data = { versioning = false, tier = "archive" }
  }
}

variable "instance_count" {
  type    = number
  default = 2
}

# No default and no value anywhere: Terraform would prompt, Bulwark keeps it unknown.
variable "admin_cidr" {
  type = string
}

variable "ingress_ports" {
  type    = list(number)
  default = [443, 80]
}
