# Fails: no key is named, so an AWS owned or AWS managed key is used.

resource "aws_fsx_ontap_file_system" "this" {
  storage_capacity    = 1024
  subnet_ids          = ["subnet-0a1b2c3d"]
  deployment_type     = "SINGLE_AZ_1"
  throughput_capacity = 512
  preferred_subnet_id = "subnet-0a1b2c3d"
}
