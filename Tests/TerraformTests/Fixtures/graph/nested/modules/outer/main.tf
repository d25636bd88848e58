variable "seed" {
  type = string
}

variable "extra" {
  type = string
}

module "middle" {
  source = "../middle"
  seed   = var.seed
  extra  = var.extra
}

output "id" {
  value = module.middle.id
}

output "combined" {
  value = module.middle.combined
}
