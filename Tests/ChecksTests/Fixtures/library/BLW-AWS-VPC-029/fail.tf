# Fails: a TCP range holding port 23 is open to everyone.
resource "aws_security_group" "open" {
  name = "open"

  ingress {
    from_port   = 18
    to_port     = 28
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8", "0.0.0.0/0"]
  }
}
