# Unknown: the period comes from a variable with no value.
variable "retention_days" {
  type = number
}

resource "aws_cloudwatch_log_group" "api" {
  name              = "/app/api"
  retention_in_days = var.retention_days
}
