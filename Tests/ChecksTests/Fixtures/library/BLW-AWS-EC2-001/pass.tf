# Passes: neither the instance nor the launch template requests a public IP.
resource "aws_instance" "app" {
  ami                         = "ami-0c55b159cbfafe1f0"
  instance_type               = "t3.micro"
  subnet_id                   = "subnet-0a1b2c3d"
  associate_public_ip_address = false
}

resource "aws_launch_template" "app" {
  name_prefix   = "app-"
  image_id      = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.micro"

  network_interfaces {
    associate_public_ip_address = false
    subnet_id                   = "subnet-0a1b2c3d"
  }
}
