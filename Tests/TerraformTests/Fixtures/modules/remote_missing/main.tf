module "net" {
  source = "git::https://example.com/net.git"
}

module "net2" {
  source = "git::https://example.com/net.git"
}

resource "aws_flow_log" "x" {
  vpc_id = module.net.vpc_id
}
