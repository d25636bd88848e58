# Fails: encrypted, but with the AWS managed aws/ebs key.

resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 100
  encrypted         = true
}
