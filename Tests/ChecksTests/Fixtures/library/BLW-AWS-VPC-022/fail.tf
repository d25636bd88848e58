# Fails: a TCP range holding port 11211 is open to everyone.
resource "aws_security_group" "open" {
  name = "open"

  ingress {
    from_port   = 11206
    to_port     = 11216
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8", "0.0.0.0/0"]
  }
}
