# Unknown: the source of the rule on port 1433 is known only after apply.
variable "source_cidr" {
  type = string
}

resource "aws_security_group" "later" {
  name = "later"

  ingress {
    from_port   = 1433
    to_port     = 1433
    protocol    = "tcp"
    cidr_blocks = [var.source_cidr]
  }
}
