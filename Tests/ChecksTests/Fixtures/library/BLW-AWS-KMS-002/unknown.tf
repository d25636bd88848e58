# Unknown: the setting comes from a variable with no value.
variable "key_enabled" {
  type = bool
}

resource "aws_kms_key" "app" {
  description         = "Application data"
  enable_key_rotation = true
  is_enabled          = var.key_enabled
}
