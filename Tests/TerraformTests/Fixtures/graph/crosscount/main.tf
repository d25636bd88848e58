# The pool's count and size come from sizing's replicas, while sizing's label reads the pool.
module "sizing" {
  source = "./modules/sizing"
  base   = 2
  label  = module.pool[0].names[0]
}

module "pool" {
  source = "./modules/pool"
  count  = module.sizing.replicas > 0 ? 1 : 0
  size   = module.sizing.replicas
  tag    = "n"
}

output "summary" {
  value = module.sizing.summary
}

output "names" {
  value = module.pool[0].names
}
