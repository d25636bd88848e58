# Fails: connections are accepted automatically.

resource "aws_vpc_endpoint_service" "api" {
  network_load_balancer_arns = ["arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/net/api/0f1e2d3c"]
  acceptance_required        = false
}
