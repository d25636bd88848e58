# Fails: no key is named for the replicated backups.

resource "aws_db_instance_automated_backups_replication" "orders" {
  source_db_instance_arn = "arn:aws:rds:eu-west-1:123456789012:db:orders"
}
