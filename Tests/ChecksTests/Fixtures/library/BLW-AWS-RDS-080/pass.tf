# Passes: the instance is placed in the VPC's private subnets.
resource "aws_db_subnet_group" "app" {
  name       = "app"
  subnet_ids = ["subnet-0a1b2c3d", "subnet-0e1f2a3b"]
}

resource "aws_db_instance" "app" {
  identifier           = "app"
  engine               = "postgres"
  instance_class       = "db.t3.micro"
  allocated_storage    = 20
  db_subnet_group_name = aws_db_subnet_group.app.name
}
