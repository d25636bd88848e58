# Unknown: the source of the rule on port 6379 is known only after apply.
variable "source_cidr" {
  type = string
}

resource "aws_security_group" "later" {
  name = "later"

  ingress {
    from_port   = 6379
    to_port     = 6379
    protocol    = "tcp"
    cidr_blocks = [var.source_cidr]
  }
}
