# Passes: 6379 is open to a private range only, and 443 to everyone.
resource "aws_security_group" "app" {
  name = "app"

  ingress {
    from_port   = 6379
    to_port     = 6379
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

resource "aws_instance" "app" {
  ami                    = "ami-0a1b2c3d"
  instance_type          = "t3.micro"
  vpc_security_group_ids = [aws_security_group.app.id]
}
