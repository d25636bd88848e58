# Passes: the snapshot is shared with one named account.

resource "aws_snapshot_create_volume_permission" "partner" {
  snapshot_id = "snap-0123456789abcdef0"
  account_id  = "210987654321"
}
