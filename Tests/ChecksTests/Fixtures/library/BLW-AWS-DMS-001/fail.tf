# Fails: no key is named, so an AWS owned or AWS managed key is used.

resource "aws_dms_replication_instance" "this" {
  replication_instance_id    = "migration"
  replication_instance_class = "dms.t3.medium"
  allocated_storage          = 50
}
