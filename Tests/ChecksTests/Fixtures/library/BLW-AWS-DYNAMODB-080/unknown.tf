# Unknown: the only selection that names the resource could not be read.
resource "aws_dynamodb_table" "this" {
  name         = "orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "pk"
  attribute {
    name = "pk"
    type = "S"
  }
}

resource "aws_backup_selection" "unread" {
  name      = var.unread
  plan_id   = "plan-0a1b2c3d"
  resources = [aws_dynamodb_table.this.arn]
}

variable "unread" {
  type = string
}
