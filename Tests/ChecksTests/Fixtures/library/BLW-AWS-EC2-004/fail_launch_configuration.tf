# Fails: the launch configuration's root device is not encrypted.
resource "aws_launch_configuration" "web" {
  name_prefix   = "web-"
  image_id      = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.micro"

  root_block_device {
    volume_size = 20
  }
}
