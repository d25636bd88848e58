# Passes: the file system is encrypted with a customer managed key.
resource "aws_kms_key" "efs" {
  description         = "EFS"
  enable_key_rotation = true
}

resource "aws_efs_file_system" "shared" {
  creation_token = "acme-shared"
  encrypted      = true
  kms_key_id     = aws_kms_key.efs.arn
}
