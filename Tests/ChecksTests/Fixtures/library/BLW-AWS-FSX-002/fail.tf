# Fails: no key is named, so an AWS owned or AWS managed key is used.

resource "aws_fsx_windows_file_system" "this" {
  storage_capacity    = 300
  subnet_ids          = ["subnet-0a1b2c3d"]
  throughput_capacity = 1024
  active_directory_id = "d-1234567890"
}
