# Fails: no file system policy, so any client that reaches a mount target has full access.
resource "aws_efs_file_system" "shared" {
  creation_token = "shared"
}
