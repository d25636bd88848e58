# Fails: no key is named, so an AWS owned or AWS managed key is used.

resource "aws_redshift_snapshot_copy_grant" "this" {
  snapshot_copy_grant_name = "warehouse-dr"
}
