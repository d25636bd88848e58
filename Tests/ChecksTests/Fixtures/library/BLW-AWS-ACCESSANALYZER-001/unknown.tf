# Unknown: whether Access Analyzer was read in the region comes from a variable with no value.
variable "unread" {
  type = bool
}
data "aws_live_region" "ap_south_1" {
  name                  = "ap-south-1"
  accessanalyzer_unread = var.unread
}
