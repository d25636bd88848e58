# Unknown: the source of the rule on port 11211 is known only after apply.
variable "source_cidr" {
  type = string
}

resource "aws_security_group" "later" {
  name = "later"

  ingress {
    from_port   = 11211
    to_port     = 11211
    protocol    = "tcp"
    cidr_blocks = [var.source_cidr]
  }
}
