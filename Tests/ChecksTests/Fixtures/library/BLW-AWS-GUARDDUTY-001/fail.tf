# Fails: the detector is suspended through a variable default.
variable "guardduty_enabled" {
  type    = bool
  default = false
}
resource "aws_guardduty_detector" "this" {
  enable = var.guardduty_enabled
}
