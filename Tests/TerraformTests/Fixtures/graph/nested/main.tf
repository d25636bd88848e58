# deep and side each nest three modules; side's seed is deep's id, and deep's extra is derived from side's id.
module "deep" {
  source = "./modules/outer"
  seed   = "s"
  extra  = local.from_side
}

locals {
  from_side = upper(module.side.id)
}

module "side" {
  source = "./modules/outer"
  seed   = module.deep.id
  extra  = "e"
}

output "deep_combined" {
  value = module.deep.combined
}

output "side_combined" {
  value = module.side.combined
}
