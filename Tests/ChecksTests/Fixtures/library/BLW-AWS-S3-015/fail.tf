# Fails: no customer managed key, so AWS uses a key it owns.

resource "aws_s3_object_copy" "this" {
  bucket = "acme-archive"
  key    = "app/settings.json"
  source = "acme-config/app/settings.json"
}
