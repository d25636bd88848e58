# Fails: a TCP range holding port 27018 is open to everyone.
resource "aws_security_group" "open" {
  name = "open"

  ingress {
    from_port   = 27013
    to_port     = 27023
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8", "0.0.0.0/0"]
  }
}
