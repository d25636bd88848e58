# Passes: a customer managed key.

resource "aws_fsx_lustre_file_system" "this" {
  storage_capacity            = 1200
  subnet_ids                  = ["subnet-0a1b2c3d"]
  deployment_type             = "PERSISTENT_2"
  per_unit_storage_throughput = 125
  kms_key_id                  = "arn:aws:kms:eu-west-1:123456789012:key/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"
}
