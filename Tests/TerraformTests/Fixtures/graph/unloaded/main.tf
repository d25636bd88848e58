# The registry module is not installed: its outputs are unknown whatever its inputs, so reading
# them does not wait for its inputs, and the two calls do not form a cycle.
module "registry" {
  source  = "example/thing/aws"
  version = "1.0.0"
  name    = module.named.name
}

module "named" {
  source = "./modules/named"
  peer   = module.registry.id
}

output "name" {
  value = module.named.name
}
