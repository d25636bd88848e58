# Unknown: the setting comes from a variable with no value.
variable "flag" {
  type = bool
}

resource "aws_vpc_endpoint_service" "api" {
  network_load_balancer_arns = ["arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/net/api/0f1e2d3c"]
  acceptance_required        = var.flag
}
