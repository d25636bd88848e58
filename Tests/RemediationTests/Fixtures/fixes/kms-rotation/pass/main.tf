resource "aws_kms_key" "app" {
  description         = "app key"
  enable_key_rotation = true
}
