# Fails: the key is disabled.

resource "aws_kms_key" "app" {
  description         = "Application data"
  enable_key_rotation = true
  is_enabled          = false
}
