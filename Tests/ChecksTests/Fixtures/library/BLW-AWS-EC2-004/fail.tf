# Fails: the root volume is encrypted but the second (dynamic) EBS device is not.
locals {
  data_disks = { "/dev/sdf" = false }
}

resource "aws_instance" "db" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "r6i.large"

  root_block_device {
    encrypted = true
  }

  dynamic "ebs_block_device" {
    for_each = local.data_disks
    content {
      device_name = ebs_block_device.key
      volume_size = 200
      encrypted   = ebs_block_device.value
    }
  }
}
