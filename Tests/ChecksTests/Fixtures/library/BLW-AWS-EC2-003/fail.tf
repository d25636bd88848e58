# Fails: encrypted is omitted (default false unless account-level default encryption is on).
resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 100
  type              = "gp3"
}
