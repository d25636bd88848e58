resource "aws_security_group" "sg" {
  name   = "sg-${var.name}"
  vpc_id = data.aws_vpc.main.id

  dynamic "ingress" {
    for_each = var.ingress_rules
    iterator = rule
    content {
      from_port   = rule.value.port
      to_port     = rule.value.port
      protocol    = "tcp"
      cidr_blocks = rule.value.cidrs
    }
  }

  tags = merge(local.tags, {
    Name = "sg-${var.name}"
  })
}

variable "ingress_rules" {
  type = list(object({
    port  = number
    cidrs = optional(list(string), ["10.0.0.0/8"])
  }))
  default = []

  validation {
    condition     = alltrue([for r in var.ingress_rules : r.port > 0 && r.port < 65536])
    error_message = "Ports must be between 1 and 65535."
  }
}
