# One call reads its own output: the second input is built from the output of the first.
module "pair" {
  source = "./modules/pair"
  first  = "x"
  second = "${module.pair.first_upper}-2"
}

output "both" {
  value = module.pair.both
}
