# Passes: deletion protection is on.

resource "aws_neptune_cluster" "graph" {
  cluster_identifier  = "graph"
  engine              = "neptune"
  deletion_protection = true
}
