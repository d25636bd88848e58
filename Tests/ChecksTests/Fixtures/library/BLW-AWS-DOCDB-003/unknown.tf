# Unknown: the TLS value comes from a variable with no value.
variable "setting" {
  type = string
}

resource "aws_docdb_cluster_parameter_group" "docs" {
  family = "docdb5.0"
  name   = "docs"

  parameter {
    name  = "tls"
    value = var.setting
  }
}
