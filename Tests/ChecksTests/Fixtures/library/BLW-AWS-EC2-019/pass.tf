# Passes: no public addresses.

resource "aws_launch_configuration" "this" {
  name_prefix   = "web-"
  image_id      = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
}
