# Unknown: whether the ALB is internal comes from a variable with no value.
variable "internal" {
  type = bool
}

resource "aws_lb" "public" {
  name               = "public"
  load_balancer_type = "application"
  subnets            = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
  internal           = var.internal
}
