# Fails: a public IP and an instance profile.
resource "aws_instance" "web" {
  ami                         = "ami-0a1b2c3d"
  instance_type               = "t3.micro"
  associate_public_ip_address = true
  iam_instance_profile        = "web-role"
}
