# Unknown: the setting comes from a variable with no value.
variable "flag" {
  type = bool
}

resource "aws_elasticache_replication_group" "cache" {
  replication_group_id       = "cache"
  description                = "Session cache"
  engine                     = "redis"
  node_type                  = "cache.r7g.large"
  num_cache_clusters         = 2
  automatic_failover_enabled = var.flag
}
