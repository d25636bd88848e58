# Fails: the snapshot is shared with every AWS account.

resource "aws_snapshot_create_volume_permission" "public" {
  snapshot_id = "snap-0123456789abcdef0"
  account_id  = "all"
}
