# Fails: no key is named, so an AWS owned or AWS managed key is used.

resource "aws_fsx_lustre_file_system" "this" {
  storage_capacity            = 1200
  subnet_ids                  = ["subnet-0a1b2c3d"]
  deployment_type             = "PERSISTENT_2"
  per_unit_storage_throughput = 125
}
