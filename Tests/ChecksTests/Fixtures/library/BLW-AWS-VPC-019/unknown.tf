# Unknown: the source of the rule on port 9200 is known only after apply.
variable "source_cidr" {
  type = string
}

resource "aws_security_group" "later" {
  name = "later"

  ingress {
    from_port   = 9200
    to_port     = 9200
    protocol    = "tcp"
    cidr_blocks = [var.source_cidr]
  }
}
