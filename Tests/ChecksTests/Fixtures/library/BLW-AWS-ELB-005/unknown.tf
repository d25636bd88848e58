# Unknown: whether logging is on comes from a variable with no value.
variable "access_logs" {
  type = bool
}

resource "aws_lb" "public" {
  name               = "public"
  load_balancer_type = "application"
  subnets            = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]

  access_logs {
    bucket  = "acme-lb-logs"
    enabled = var.access_logs
  }
}
