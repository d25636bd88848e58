# Unknown: whether RDS could be read in the region is not known, and no subscription was found.
variable "rds_unread" {
  type = bool
}

data "aws_live_region" "us_east_1" {
  name       = "us-east-1"
  rds_unread = var.rds_unread
}
