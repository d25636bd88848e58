# Fails: clients act with whatever identity they claim.

resource "aws_efs_access_point" "app" {
  file_system_id = "fs-0a1b2c3d"
}
