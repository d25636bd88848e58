# Fails: the key relies on the default policy.

resource "aws_kms_key" "app" {
  description         = "Application data"
  enable_key_rotation = true
}
