# Fails: the access point exposes the file system root.

resource "aws_efs_access_point" "app" {
  file_system_id = "fs-0a1b2c3d"

  root_directory {
    path = "/"
  }
}
