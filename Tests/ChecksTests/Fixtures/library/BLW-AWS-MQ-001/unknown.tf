# Unknown: public access comes from a variable with no value.
variable "mq_password" {
  type      = string
  sensitive = true
}

variable "public" {
  type = bool
}

resource "aws_mq_broker" "orders" {
  broker_name        = "orders"
  engine_type        = "ActiveMQ"
  engine_version     = "5.18"
  host_instance_type = "mq.m5.large"

  user {
    username = "app"
    password = var.mq_password
  }

  publicly_accessible = var.public
}
