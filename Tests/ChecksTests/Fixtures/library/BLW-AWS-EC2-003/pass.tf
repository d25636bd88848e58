# Passes: every volume created by count is encrypted.
resource "aws_ebs_volume" "data" {
  count             = 2
  availability_zone = "eu-west-1a"
  size              = 100
  type              = "gp3"
  encrypted         = true
}
