# Unknown: the Aurora version comes from a variable with no value.
variable "engine_version" {
  type = string
}

resource "aws_db_instance" "reporting" {
  identifier     = "reporting"
  engine         = "aurora-postgresql"
  engine_version = var.engine_version
  instance_class = "db.r5.large"
}
