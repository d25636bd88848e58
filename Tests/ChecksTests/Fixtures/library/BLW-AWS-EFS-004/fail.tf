# Fails: encrypted with the AWS managed key.

resource "aws_efs_file_system" "shared" {
  encrypted = true
}
