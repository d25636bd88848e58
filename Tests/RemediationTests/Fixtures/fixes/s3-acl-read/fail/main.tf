# Logs bucket (public by mistake).
resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs" # the name is global
  acl    = "public-read"
}
