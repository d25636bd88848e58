# Fails: TLS is on, but clients need no credentials.

resource "aws_elasticache_replication_group" "cache" {
  replication_group_id       = "cache"
  description                = "Session cache"
  engine                     = "redis"
  node_type                  = "cache.r7g.large"
  num_cache_clusters         = 2
  transit_encryption_enabled = true
}
