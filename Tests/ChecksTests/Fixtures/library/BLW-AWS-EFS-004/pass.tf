# Passes: encrypted with a customer managed key.

resource "aws_efs_file_system" "shared" {
  encrypted  = true
  kms_key_id = "arn:aws:kms:eu-west-1:123456789012:key/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"
}
