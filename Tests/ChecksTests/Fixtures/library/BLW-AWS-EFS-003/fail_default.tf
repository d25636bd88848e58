# Fails: without root_directory the access point exposes /.

resource "aws_efs_access_point" "app" {
  file_system_id = "fs-0a1b2c3d"
}
