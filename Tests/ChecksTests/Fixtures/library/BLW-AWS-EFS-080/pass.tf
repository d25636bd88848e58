# Passes: automatic backups are enabled.
resource "aws_efs_file_system" "shared" {
  creation_token = "shared"
}

resource "aws_efs_backup_policy" "shared" {
  file_system_id = aws_efs_file_system.shared.id
  backup_policy {
    status = "ENABLED"
  }
}
