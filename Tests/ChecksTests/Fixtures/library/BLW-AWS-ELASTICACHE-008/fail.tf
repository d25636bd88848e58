# Fails: default subnet group.

resource "aws_elasticache_cluster" "this" {
  cluster_id      = "sessions"
  engine          = "redis"
  node_type       = "cache.t4g.small"
  num_cache_nodes = 1
}
