# Passes: a single-node domain has no traffic between nodes.

resource "aws_opensearch_domain" "dev" {
  domain_name    = "dev"
  engine_version = "OpenSearch_2.13"

  cluster_config {
    instance_type  = "t3.small.search"
    instance_count = 1
  }
}
