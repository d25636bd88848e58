# Fails: no key is named, so an AWS owned or AWS managed key is used.

resource "aws_memorydb_cluster" "this" {
  name      = "sessions"
  node_type = "db.t4g.small"
  acl_name  = "open-access"
}
