# Passes: the audit log is exported.

resource "aws_docdb_cluster" "docs" {
  cluster_identifier              = "docs"
  engine                          = "docdb"
  master_username                 = "docs"
  manage_master_user_password     = true
  enabled_cloudwatch_logs_exports = ["audit"]
}
