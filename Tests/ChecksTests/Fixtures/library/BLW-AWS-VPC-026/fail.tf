# Fails: a TCP range holding port 5432 is open to everyone.
resource "aws_security_group" "open" {
  name = "open"

  ingress {
    from_port   = 5427
    to_port     = 5437
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8", "0.0.0.0/0"]
  }
}
