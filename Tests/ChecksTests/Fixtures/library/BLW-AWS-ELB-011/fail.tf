# Fails: one subnet only.
resource "aws_lb" "web" {
  name               = "web"
  load_balancer_type = "network"
  subnets            = ["subnet-0a1b2c3d"]
}
