# Unknown: the setting comes from a variable with no value.
variable "cross_zone" {
  type = bool
}

resource "aws_lb" "tcp" {
  name               = "tcp"
  load_balancer_type = "network"
  subnets            = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]

  enable_cross_zone_load_balancing = var.cross_zone
}
