# Passes: customer managed key.

resource "aws_kms_key" "this" {
  description         = "data key"
  enable_key_rotation = true
}

resource "aws_neptune_cluster" "this" {
  cluster_identifier      = "graph"
  engine                  = "neptune"
  storage_encrypted       = true
  backup_retention_period = 7
  kms_key_arn             = aws_kms_key.this.arn
}
