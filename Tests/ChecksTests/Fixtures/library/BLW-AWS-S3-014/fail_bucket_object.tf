# Fails: the legacy aws_s3_bucket_object without a customer managed key.

resource "aws_s3_bucket_object" "this" {
  bucket  = "acme-config"
  key     = "app/settings.json"
  content = "{}"
}
