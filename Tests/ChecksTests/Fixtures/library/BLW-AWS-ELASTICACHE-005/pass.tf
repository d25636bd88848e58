# Passes: a customer managed key.

resource "aws_elasticache_replication_group" "cache" {
  replication_group_id       = "cache"
  description                = "Session cache"
  engine                     = "redis"
  node_type                  = "cache.r7g.large"
  num_cache_clusters         = 2
  at_rest_encryption_enabled = true
  kms_key_id                 = "arn:aws:kms:eu-west-1:123456789012:key/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"
}
