# Passes: the application is confined to /app.

resource "aws_efs_access_point" "app" {
  file_system_id = "fs-0a1b2c3d"

  root_directory {
    path = "/app"

    creation_info {
      owner_uid   = 1000
      owner_gid   = 1000
      permissions = "0750"
    }
  }
}
