# Passes: encrypted with a customer managed key.

resource "aws_kms_key" "this" {
  description         = "data key"
  enable_key_rotation = true
}

resource "aws_kendra_index" "this" {
  name     = "docs"
  role_arn = "arn:aws:iam::111122223333:role/kendra"
  edition  = "DEVELOPER_EDITION"
  server_side_encryption_configuration {
    kms_key_id = aws_kms_key.this.arn
  }
}
