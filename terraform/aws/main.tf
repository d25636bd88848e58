data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_region" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition
  region     = data.aws_region.current.name
  tags       = merge({ "app.kubernetes.io/name" = "bulwark", "managed-by" = "terraform" }, var.tags)
  container  = "bulwark"
  port       = 8080
}
