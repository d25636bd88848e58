# Fails: no customer managed key, so AWS uses a key it owns.

resource "aws_db_snapshot_copy" "this" {
  source_db_snapshot_identifier = "arn:aws:rds:eu-west-1:111122223333:snapshot:orders-final"
  target_db_snapshot_identifier = "orders-final-copy"
}
