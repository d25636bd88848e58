# Fails: no ownership controls say that ACLs are disabled.
resource "aws_s3_bucket" "uploads" {
  bucket = "uploads"
}
