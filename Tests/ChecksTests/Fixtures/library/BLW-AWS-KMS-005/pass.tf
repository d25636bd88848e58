# Passes: an enabled key (as DescribeKey reads it).
resource "aws_kms_key" "app" {
  description = "app"
  key_state   = "Enabled"
}
