# Fails: no customer managed key, so AWS uses a key it owns.

resource "aws_s3_object" "this" {
  bucket  = "acme-config"
  key     = "app/settings.json"
  content = "{}"
}
