# Unknown: copy_tags_to_snapshot comes from an input without a value, known only when the plan is made.

variable "setting" {}

resource "aws_rds_cluster" "this" {
  cluster_identifier          = "orders"
  engine                      = "aurora-postgresql"
  master_username             = "app"
  manage_master_user_password = true
  storage_encrypted           = true
  copy_tags_to_snapshot       = var.setting
}
