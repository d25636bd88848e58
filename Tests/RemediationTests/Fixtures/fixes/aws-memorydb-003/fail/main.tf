# Fails: TLS disabled.

resource "aws_memorydb_cluster" "this" {
  name                     = "sessions"
  node_type                = "db.r6g.large"
  acl_name                 = "open-access"
  num_shards               = 1
  snapshot_retention_limit = 7
  tls_enabled              = false
}
