# Unknown: the filter name comes from a variable with no value.
variable "filter_name" {
  type = string
}

data "aws_availability_zones" "selected" {
  filter {
    name   = var.filter_name
    values = ["eu-west-1a"]
  }
}
