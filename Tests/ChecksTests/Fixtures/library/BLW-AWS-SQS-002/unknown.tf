# Unknown: the key comes from a variable with no value.
variable "queue_key" {
  type = string
}

resource "aws_sqs_queue" "orders" {
  name              = "orders"
  kms_master_key_id = var.queue_key
}
