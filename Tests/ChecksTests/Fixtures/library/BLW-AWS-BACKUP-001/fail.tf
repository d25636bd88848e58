# Fails: the AWS managed key.

resource "aws_backup_vault" "primary" {
  name = "primary"
}
