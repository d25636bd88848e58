# Passes: the group open to the internet belongs to a load balancer; the app takes traffic only from the VPC.
resource "aws_security_group" "alb" {
  name   = "alb"
  vpc_id = "vpc-0a1b2c3d"

  ingress {
    from_port        = 443
    to_port          = 443
    protocol         = "tcp"
    cidr_blocks      = ["0.0.0.0/0"]
    ipv6_cidr_blocks = ["::/0"]
  }
}

resource "aws_lb" "public" {
  name            = "public"
  security_groups = [aws_security_group.alb.id]
  subnets         = ["subnet-0a1b2c3d", "subnet-0e1f2a3b"]
}

resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = "vpc-0a1b2c3d"

  ingress {
    from_port   = 8080
    to_port     = 8080
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/16"]
  }
}
