# Passes: a customer managed key.

resource "aws_fsx_windows_file_system" "this" {
  storage_capacity    = 300
  subnet_ids          = ["subnet-0a1b2c3d"]
  throughput_capacity = 1024
  active_directory_id = "d-1234567890"
  kms_key_id          = "arn:aws:kms:eu-west-1:123456789012:key/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"
}
