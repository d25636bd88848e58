# Unknown: the exports come from a variable with no value.
variable "exports" {
  type = list(string)
}

resource "aws_docdb_cluster" "docs" {
  cluster_identifier              = "docs"
  engine                          = "docdb"
  master_username                 = "docs"
  manage_master_user_password     = true
  enabled_cloudwatch_logs_exports = var.exports
}
