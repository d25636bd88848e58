# Fails: a port range that includes 3389 is open to ::/0.
resource "aws_security_group" "admin" {
  name   = "admin"
  vpc_id = "vpc-0a1b2c3d"

  ingress {
    from_port        = 3379
    to_port          = 3399
    protocol         = "tcp"
    ipv6_cidr_blocks = ["::/0"]
  }
}
