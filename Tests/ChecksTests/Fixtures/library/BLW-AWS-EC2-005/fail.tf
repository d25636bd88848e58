# Fails: default encryption is explicitly turned off.
resource "aws_ebs_encryption_by_default" "this" {
  enabled = false
}
