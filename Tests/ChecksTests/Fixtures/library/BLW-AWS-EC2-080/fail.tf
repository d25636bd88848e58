# Fails: the instance is attached to two network interfaces.
resource "aws_instance" "router" {
  ami           = "ami-0a1b2c3d4e5f67890"
  instance_type = "t3.micro"

  network_interface {
    network_interface_id = "eni-0a1b2c3d"
    device_index         = 0
  }

  network_interface {
    network_interface_id = "eni-0e1f2a3b"
    device_index         = 1
  }
}
