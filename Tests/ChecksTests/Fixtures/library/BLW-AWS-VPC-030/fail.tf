# Fails: a TCP range holding port 8088 is open to everyone.
resource "aws_security_group" "open" {
  name = "open"

  ingress {
    from_port   = 8083
    to_port     = 8093
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8", "0.0.0.0/0"]
  }
}
