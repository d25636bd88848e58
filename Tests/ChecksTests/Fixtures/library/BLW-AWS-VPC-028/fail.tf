# Fails: a TCP range holding port 1434 is open to everyone.
resource "aws_security_group" "open" {
  name = "open"

  ingress {
    from_port   = 1429
    to_port     = 1439
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8", "0.0.0.0/0"]
  }
}
