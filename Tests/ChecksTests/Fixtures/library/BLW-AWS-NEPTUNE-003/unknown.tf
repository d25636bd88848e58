# Unknown: the setting comes from a variable with no value.
variable "flag" {
  type = bool
}

resource "aws_neptune_cluster_instance" "graph" {
  cluster_identifier  = "graph"
  instance_class      = "db.r6g.large"
  publicly_accessible = var.flag
}
