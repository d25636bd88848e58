# Passes: encrypted with a customer managed key.

resource "aws_kms_key" "this" {
  description         = "data key"
  enable_key_rotation = true
}

resource "aws_dms_s3_endpoint" "this" {
  endpoint_id             = "orders-archive"
  endpoint_type           = "target"
  bucket_name             = "acme-orders-archive"
  service_access_role_arn = "arn:aws:iam::111122223333:role/dms-s3"
  encryption_mode         = "SSE_KMS"
  kms_key_arn             = aws_kms_key.this.arn
}
