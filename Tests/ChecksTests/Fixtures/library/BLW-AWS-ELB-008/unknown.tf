# Unknown: the mode comes from a variable with no value.
variable "desync_mode" {
  type = string
}

resource "aws_lb" "public" {
  name               = "public"
  load_balancer_type = "application"
  subnets            = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]

  desync_mitigation_mode = var.desync_mode
}
