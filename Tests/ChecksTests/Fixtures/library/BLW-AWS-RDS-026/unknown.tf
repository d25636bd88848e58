# Unknown: the master user name comes from a variable with no value.
variable "master_user" {
  type = string
}

resource "aws_db_instance" "app" {
  identifier     = "app"
  engine         = "postgres"
  instance_class = "db.t3.micro"
  username       = var.master_user
}
