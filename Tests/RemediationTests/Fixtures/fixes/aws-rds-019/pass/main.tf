# Passes: shared with one account, and not shared.

resource "aws_db_snapshot" "this" {
  db_snapshot_identifier = "orders-final"
  db_instance_identifier = "orders"
  shared_accounts        = ["444455556666"]
}

resource "aws_db_snapshot" "private" {
  db_snapshot_identifier = "orders-daily"
  db_instance_identifier = "orders"
}
