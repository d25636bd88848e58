# Fails: a paravirtual AMI.
resource "aws_ami" "legacy" {
  name                = "legacy"
  virtualization_type = "paravirtual"
  root_device_name    = "/dev/sda1"
}
