# Passes: an instance and a launch template's interface use the groups.

resource "aws_security_group" "app" {
  name        = "app"
  description = "Application servers"
  vpc_id      = "vpc-0a1b2c3d"
}

resource "aws_security_group" "workers" {
  name        = "workers"
  description = "Autoscaled workers"
  vpc_id      = "vpc-0a1b2c3d"
}

resource "aws_instance" "app" {
  ami                    = "ami-0123456789abcdef0"
  instance_type          = "t3.micro"
  vpc_security_group_ids = [aws_security_group.app.id]
}

resource "aws_launch_template" "workers" {
  name_prefix = "workers-"

  network_interfaces {
    security_groups = [aws_security_group.workers.id]
  }
}
