# Unknown: backup_retention_period comes from an input without a value, known only when the plan is made.

variable "setting" {}

resource "aws_docdb_cluster" "this" {
  cluster_identifier          = "catalogue"
  engine                      = "docdb"
  master_username             = "app"
  manage_master_user_password = true
  storage_encrypted           = true
  backup_retention_period     = var.setting
}
