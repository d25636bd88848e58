# Fails: AWS Backup was read and the region has no vault.
data "aws_live_region" "us_east_1" {
  name          = "us-east-1"
  backup_unread = false
}
