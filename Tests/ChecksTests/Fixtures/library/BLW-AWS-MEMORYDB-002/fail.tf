# Fails: no key is named, so an AWS owned or AWS managed key is used.

resource "aws_memorydb_snapshot" "this" {
  cluster_name = "sessions"
  name         = "sessions-nightly"
}
