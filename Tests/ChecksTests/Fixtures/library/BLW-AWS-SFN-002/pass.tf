# Passes: executions are logged with their data.

resource "aws_sfn_state_machine" "orders" {
  name       = "orders"
  role_arn   = "arn:aws:iam::123456789012:role/orders-sfn"
  definition = jsonencode({ StartAt = "Done", States = { Done = { Type = "Succeed" } } })

  logging_configuration {
    log_destination        = "arn:aws:logs:eu-west-1:123456789012:log-group:/sfn/orders:*"
    include_execution_data = true
    level                  = "ERROR"
  }
}
