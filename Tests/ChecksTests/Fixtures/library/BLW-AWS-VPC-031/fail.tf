# Fails: a group named as the console's launch wizard names them.
resource "aws_security_group" "wizard" {
  name = "launch-wizard-3"
}
