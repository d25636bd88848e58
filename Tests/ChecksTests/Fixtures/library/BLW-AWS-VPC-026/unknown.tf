# Unknown: the source of the rule on port 5432 is known only after apply.
variable "source_cidr" {
  type = string
}

resource "aws_security_group" "later" {
  name = "later"

  ingress {
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = [var.source_cidr]
  }
}
