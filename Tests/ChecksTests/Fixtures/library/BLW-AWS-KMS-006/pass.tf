# Passes: a single-region key.
resource "aws_kms_key" "app" {
  description  = "app"
  multi_region = false
}
