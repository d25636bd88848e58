# Fails: no key is named, so an AWS owned or AWS managed key is used.

resource "aws_ebs_snapshot_copy" "this" {
  source_snapshot_id = "snap-0123456789abcdef0"
  source_region      = "eu-west-1"
  encrypted          = true
}
