variable "seed" {
  type = string
}

variable "extra" {
  type = string
}

locals {
  seed = "m${var.seed}"
}

module "inner" {
  source = "../inner"
  seed   = local.seed
  extra  = var.extra
}

output "id" {
  value = module.inner.id
}

output "combined" {
  value = module.inner.combined
}
