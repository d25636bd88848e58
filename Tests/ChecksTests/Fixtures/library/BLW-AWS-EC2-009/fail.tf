# Fails: every available zone of the region, and an exclusion list does not close the set.

data "aws_availability_zones" "available" {
  state         = "available"
  exclude_names = ["eu-west-1c"]
}
