# Fails: no lifecycle configuration.
resource "aws_s3_bucket" "data" {
  bucket = "data"
}
