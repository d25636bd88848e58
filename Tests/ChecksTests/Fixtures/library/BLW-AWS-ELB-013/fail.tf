# Fails: internet-facing (internal left out) behind a group open on every port.
resource "aws_security_group" "lb" {
  name = "lb"

  ingress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_lb" "web" {
  name            = "web"
  subnets         = ["subnet-0a1b2c3d", "subnet-0e1f2a3b"]
  security_groups = [aws_security_group.lb.id]
}
