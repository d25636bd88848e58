# Passes: port 11211 is open to a private range only, and 443 (not one of the checked ports) to everyone.
resource "aws_security_group" "tight" {
  name = "tight"

  ingress {
    from_port   = 11211
    to_port     = 11211
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
