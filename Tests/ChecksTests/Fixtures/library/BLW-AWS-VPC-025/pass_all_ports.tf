# Passes here: every port is open to everyone, which BLW-AWS-VPC-005 reports (one finding per exposure).
resource "aws_security_group" "everything" {
  name = "everything"

  ingress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
