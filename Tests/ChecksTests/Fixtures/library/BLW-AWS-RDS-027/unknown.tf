# Unknown: the port comes from a variable with no value.
variable "db_port" {
  type = number
}

resource "aws_db_instance" "app" {
  identifier     = "app"
  engine         = "mysql"
  instance_class = "db.t3.micro"
  port           = var.db_port
}
