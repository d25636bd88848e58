# Fails: port 27017 is open to every IPv6 address.
resource "aws_security_group" "open6" {
  name = "open6"

  ingress {
    from_port        = 27017
    to_port          = 27017
    protocol         = "tcp"
    ipv6_cidr_blocks = ["::/0"]
  }
}
