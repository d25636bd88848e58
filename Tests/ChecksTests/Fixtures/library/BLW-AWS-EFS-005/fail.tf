# Fails: a One Zone file system.
resource "aws_efs_file_system" "cache" {
  creation_token         = "cache"
  availability_zone_name = "us-east-1a"
}
