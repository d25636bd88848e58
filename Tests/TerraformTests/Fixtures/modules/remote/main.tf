module "vpc" {
  source  = "registry.example.com/acme/vpc/aws"
  version = "1.2.0"
  cidr    = "10.0.0.0/16"
}

resource "aws_flow_log" "vpc" {
  vpc_id       = module.vpc.vpc_id
  traffic_type = "ALL"
}
