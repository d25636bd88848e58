# Fails: a TCP range holding port 6379 is open to everyone.
resource "aws_security_group" "open" {
  name = "open"

  ingress {
    from_port   = 6374
    to_port     = 6384
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8", "0.0.0.0/0"]
  }
}
