# Each module reads the other's outputs: alpha's peer comes from beta, and beta's upstream comes from a
# resource that reads alpha. No value feeds itself, so Terraform plans it.
resource "terraform_data" "reader" {
  input = module.alpha.joined
}

module "alpha" {
  source = "./modules/alpha"
  name   = "a1"
  peer   = module.beta.tag
}

locals {
  upstream = "up-${module.alpha.id}"
}

resource "terraform_data" "relay" {
  input = local.upstream
}

module "beta" {
  source   = "./modules/beta"
  prefix   = "b1"
  upstream = terraform_data.relay.input
}

output "alpha_joined" {
  value = module.alpha.joined
}

output "beta_record" {
  value = module.beta.record
}

output "relay" {
  value = terraform_data.relay.input
}
