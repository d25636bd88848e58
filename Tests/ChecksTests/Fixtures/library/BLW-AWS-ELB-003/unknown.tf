# Unknown: the setting comes from a variable with no value.
variable "protect" {
  type = bool
}

resource "aws_lb" "public" {
  name               = "public"
  load_balancer_type = "application"
  subnets            = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]

  enable_deletion_protection = var.protect
}
