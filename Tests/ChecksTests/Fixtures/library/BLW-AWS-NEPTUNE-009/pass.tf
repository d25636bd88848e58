# Passes: encrypted with a customer managed key.

resource "aws_kms_key" "this" {
  description         = "data key"
  enable_key_rotation = true
}

resource "aws_neptune_cluster_snapshot" "this" {
  db_cluster_identifier          = "graph"
  db_cluster_snapshot_identifier = "graph-final"
  storage_encrypted              = true
  kms_key_id                     = aws_kms_key.this.arn
}
