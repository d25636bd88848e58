# Fails: the default endpoint encryption is NONE.

resource "aws_dax_cluster" "this" {
  cluster_name       = "sessions"
  iam_role_arn       = "arn:aws:iam::111122223333:role/dax"
  node_type          = "dax.r5.large"
  replication_factor = 3
}
