# Passes: every request runs as uid/gid 1000.

resource "aws_efs_access_point" "app" {
  file_system_id = "fs-0a1b2c3d"

  posix_user {
    uid = 1000
    gid = 1000
  }
}
