# Fails: the launch template's network interface (dynamic block) asks for a public IP.
locals {
  interfaces = [{ public = true }]
}

resource "aws_launch_template" "web" {
  name_prefix   = "web-"
  image_id      = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.micro"

  dynamic "network_interfaces" {
    for_each = local.interfaces
    content {
      associate_public_ip_address = network_interfaces.value.public
      delete_on_termination       = true
    }
  }
}
