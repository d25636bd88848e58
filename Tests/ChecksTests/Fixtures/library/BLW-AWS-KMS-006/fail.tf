# Fails: a multi-region key.
resource "aws_kms_key" "app" {
  description  = "app"
  multi_region = true
}
