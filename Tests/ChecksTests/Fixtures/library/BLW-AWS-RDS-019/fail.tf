# Fails: public snapshot.

resource "aws_db_snapshot" "this" {
  db_snapshot_identifier = "orders-final"
  db_instance_identifier = "orders"
  shared_accounts        = ["all"]
}
