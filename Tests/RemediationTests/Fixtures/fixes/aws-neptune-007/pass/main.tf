# Passes: tags copied.

resource "aws_neptune_cluster" "this" {
  cluster_identifier      = "graph"
  engine                  = "neptune"
  storage_encrypted       = true
  backup_retention_period = 7
  copy_tags_to_snapshot   = true
}
