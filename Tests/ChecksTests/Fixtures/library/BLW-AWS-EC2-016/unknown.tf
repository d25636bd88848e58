# Unknown: encrypted comes from an input without a value, known only when the plan is made.

variable "setting" {}

resource "aws_kms_key" "this" {
  description         = "data key"
  enable_key_rotation = true
}

resource "aws_ami_copy" "this" {
  name              = "web-copy"
  source_ami_id     = "ami-0123456789abcdef0"
  source_ami_region = "eu-west-1"
  encrypted         = var.setting
  kms_key_id        = aws_kms_key.this.arn
}
