# Fails: no customer managed key, so AWS uses a key it owns.

resource "aws_fsx_openzfs_file_system" "this" {
  storage_capacity    = 64
  subnet_ids          = ["subnet-0123456789abcdef0"]
  deployment_type     = "SINGLE_AZ_1"
  throughput_capacity = 64
}
