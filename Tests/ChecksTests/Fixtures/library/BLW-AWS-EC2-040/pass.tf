# Passes: the public instance has no profile, and the one with a profile has no public IP.
resource "aws_instance" "web" {
  ami                         = "ami-0a1b2c3d"
  instance_type               = "t3.micro"
  associate_public_ip_address = true
}

resource "aws_instance" "worker" {
  ami                         = "ami-0a1b2c3d"
  instance_type               = "t3.micro"
  associate_public_ip_address = false
  iam_instance_profile        = "worker-role"
}
