# Passes: the internet-facing one opens only 443; the internal one may sit behind anything.
resource "aws_security_group" "lb" {
  name = "lb"

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "wide" {
  name = "wide"

  ingress {
    from_port   = 0
    to_port     = 65535
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_lb" "web" {
  name            = "web"
  subnets         = ["subnet-0a1b2c3d", "subnet-0e1f2a3b"]
  security_groups = [aws_security_group.lb.id]
}

resource "aws_lb" "inside" {
  name            = "inside"
  internal        = true
  subnets         = ["subnet-0a1b2c3d", "subnet-0e1f2a3b"]
  security_groups = [aws_security_group.wide.id]
}
