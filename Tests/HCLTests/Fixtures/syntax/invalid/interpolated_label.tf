# error: 2:15 Template sequences are not allowed in block labels
resource "aws_${var.kind}" "x" {}
