# Fails: a port range that includes 22 is open to ::/0.
resource "aws_security_group" "admin" {
  name   = "admin"
  vpc_id = "vpc-0a1b2c3d"

  ingress {
    from_port        = 12
    to_port          = 32
    protocol         = "tcp"
    ipv6_cidr_blocks = ["::/0"]
  }
}
