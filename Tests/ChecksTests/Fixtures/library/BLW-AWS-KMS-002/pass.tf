# Passes: enabled explicitly, and by default.

resource "aws_kms_key" "app" {
  description         = "Application data"
  enable_key_rotation = true
  is_enabled          = true
}

resource "aws_kms_key" "logs" {
  description         = "Logs"
  enable_key_rotation = true
}
