# Fails: a TCP range holding port 9092 is open to everyone.
resource "aws_security_group" "open" {
  name = "open"

  ingress {
    from_port   = 9087
    to_port     = 9097
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8", "0.0.0.0/0"]
  }
}
