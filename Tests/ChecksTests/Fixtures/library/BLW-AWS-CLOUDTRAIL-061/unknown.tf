# Unknown: CloudTrail was not read (its answer has no value here), so a trail may be missing.
variable "cloudtrail_unread" {
  type = bool
}

data "aws_live_account" "this" {
  cloudtrail_unread = var.cloudtrail_unread
}
