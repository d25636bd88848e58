# Passes: the zones are allow-listed by zone id.

data "aws_availability_zones" "selected" {
  state = "available"

  filter {
    name   = "zone-id"
    values = ["euw1-az1", "euw1-az2"]
  }
}
