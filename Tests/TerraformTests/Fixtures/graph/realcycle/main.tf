# left's value is right's echo of its own value, and the other way round: a real cycle.
module "left" {
  source = "./modules/echo"
  value  = module.right.echoed
  label  = "l"
}

module "right" {
  source = "./modules/echo"
  value  = module.left.echoed
  label  = module.left.label
}

output "right_label" {
  value = module.right.label
}
