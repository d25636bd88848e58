# Passes: the replicated backups use a customer managed key in the destination region.

resource "aws_db_instance_automated_backups_replication" "orders" {
  source_db_instance_arn = "arn:aws:rds:eu-west-1:123456789012:db:orders"
  kms_key_id             = "arn:aws:kms:eu-central-1:123456789012:key/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"
}
