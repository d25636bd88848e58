# Fails: the instance's group lets everyone in on 21.
resource "aws_security_group" "app" {
  name = "app"

  ingress {
    from_port   = 21
    to_port     = 21
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_instance" "app" {
  ami                    = "ami-0a1b2c3d"
  instance_type          = "t3.micro"
  vpc_security_group_ids = [aws_security_group.app.id]
}
