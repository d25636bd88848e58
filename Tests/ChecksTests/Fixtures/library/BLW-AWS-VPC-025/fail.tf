# Fails: a TCP range holding port 2483 is open to everyone.
resource "aws_security_group" "open" {
  name = "open"

  ingress {
    from_port   = 2478
    to_port     = 2488
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8", "0.0.0.0/0"]
  }
}
