# Passes: an HVM AMI.
resource "aws_ami" "current" {
  name                = "current"
  virtualization_type = "hvm"
  root_device_name    = "/dev/xvda"
}
