# Fails: no customer managed key, so AWS uses a key it owns.

resource "aws_kendra_index" "this" {
  name     = "docs"
  role_arn = "arn:aws:iam::111122223333:role/kendra"
  edition  = "DEVELOPER_EDITION"
  server_side_encryption_configuration {}
}
