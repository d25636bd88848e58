# Fails: encrypted with the AWS managed key.

resource "aws_ami_copy" "this" {
  name              = "web-copy"
  source_ami_id     = "ami-0123456789abcdef0"
  source_ami_region = "eu-west-1"
  encrypted         = true
}
