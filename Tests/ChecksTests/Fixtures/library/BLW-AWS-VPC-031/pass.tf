# Passes: a group named for its purpose.
resource "aws_security_group" "web" {
  name = "web-ingress"
}
