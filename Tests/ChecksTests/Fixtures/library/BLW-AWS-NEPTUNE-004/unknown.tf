# Unknown: the setting comes from a variable with no value.
variable "flag" {
  type = bool
}

resource "aws_neptune_cluster" "graph" {
  cluster_identifier  = "graph"
  engine              = "neptune"
  deletion_protection = var.flag
}
