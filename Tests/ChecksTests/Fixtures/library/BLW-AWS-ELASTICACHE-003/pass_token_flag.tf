# Passes: as discovery reads a live group, a flag saying an AUTH token is set (the token is never readable).
resource "aws_elasticache_replication_group" "live" {
  replication_group_id       = "sessions"
  description                = "sessions"
  transit_encryption_enabled = true
  auth_token_enabled         = true
}
