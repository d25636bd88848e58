# Fails: a TCP range holding port 3306 is open to everyone.
resource "aws_security_group" "open" {
  name = "open"

  ingress {
    from_port   = 3301
    to_port     = 3311
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8", "0.0.0.0/0"]
  }
}
