# Passes: two subnets, and two subnet mappings.
resource "aws_lb" "web" {
  name    = "web"
  subnets = ["subnet-0a1b2c3d", "subnet-0e1f2a3b"]
}

resource "aws_lb" "nlb" {
  name               = "nlb"
  load_balancer_type = "network"

  subnet_mapping {
    subnet_id = "subnet-0a1b2c3d"
  }

  subnet_mapping {
    subnet_id = "subnet-0e1f2a3b"
  }
}
