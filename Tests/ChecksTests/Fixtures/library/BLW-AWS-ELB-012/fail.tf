# Fails: nothing listens on the load balancer.
resource "aws_lb" "web" {
  name    = "web"
  subnets = ["subnet-0a1b2c3d", "subnet-0e1f2a3b"]
}
