# Unknown: the target group's protocol comes from a variable with no value.
variable "protocol" {
  type = string
}

resource "aws_lb_target_group" "app" {
  name     = "app"
  port     = 8080
  protocol = var.protocol
  vpc_id   = "vpc-0a1b2c3d"
}
