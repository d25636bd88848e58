# Unknown: the setting comes from a variable with no value.
variable "flag" {
  type = bool
}

resource "aws_athena_workgroup" "analysts" {
  name = "analysts"

  configuration {
    enforce_workgroup_configuration = var.flag
  }
}
