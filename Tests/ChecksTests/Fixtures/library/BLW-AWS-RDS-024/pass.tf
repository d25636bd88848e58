# Passes: encrypted with a customer managed key.

resource "aws_kms_key" "this" {
  description         = "data key"
  enable_key_rotation = true
}

resource "aws_db_snapshot_copy" "this" {
  source_db_snapshot_identifier = "arn:aws:rds:eu-west-1:111122223333:snapshot:orders-final"
  target_db_snapshot_identifier = "orders-final-copy"
  kms_key_id                    = aws_kms_key.this.arn
}
