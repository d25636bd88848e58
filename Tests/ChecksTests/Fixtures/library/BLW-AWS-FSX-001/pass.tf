# Passes: a customer managed key.

resource "aws_fsx_ontap_file_system" "this" {
  storage_capacity    = 1024
  subnet_ids          = ["subnet-0a1b2c3d"]
  deployment_type     = "SINGLE_AZ_1"
  throughput_capacity = 512
  preferred_subnet_id = "subnet-0a1b2c3d"
  kms_key_id          = "arn:aws:kms:eu-west-1:123456789012:key/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"
}
