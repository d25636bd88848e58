# Unknown: the retention comes from a variable with no value.
variable "retention" {
  type = number
}

resource "aws_elasticache_cluster" "cache" {
  cluster_id               = "cache"
  engine                   = "redis"
  node_type                = "cache.t4g.small"
  num_cache_nodes          = 1
  snapshot_retention_limit = var.retention
}
