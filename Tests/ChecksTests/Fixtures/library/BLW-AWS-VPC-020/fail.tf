# Fails: a TCP range holding port 21 is open to everyone.
resource "aws_security_group" "open" {
  name = "open"

  ingress {
    from_port   = 16
    to_port     = 26
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8", "0.0.0.0/0"]
  }
}
