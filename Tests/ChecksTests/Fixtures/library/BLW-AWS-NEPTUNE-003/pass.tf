# Passes: the instance is private (the default).

resource "aws_neptune_cluster_instance" "graph" {
  cluster_identifier = "graph"
  instance_class     = "db.r6g.large"
}
