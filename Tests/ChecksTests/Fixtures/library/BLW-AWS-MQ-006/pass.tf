# Passes: audit log on.

resource "aws_mq_broker" "this" {
  broker_name        = "orders"
  engine_type        = "ActiveMQ"
  engine_version     = "5.18.4"
  host_instance_type = "mq.m5.large"

  user {
    username = "app"
    password = var.mq_password
  }

  logs {
    audit   = true
    general = true
  }
}

variable "mq_password" {
  type      = string
  sensitive = true
}
