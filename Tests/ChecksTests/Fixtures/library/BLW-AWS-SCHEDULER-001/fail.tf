# Fails: no customer managed key, so AWS uses a key it owns.

resource "aws_scheduler_schedule" "this" {
  name                = "nightly"
  schedule_expression = "cron(0 3 * * ? *)"

  flexible_time_window {
    mode = "OFF"
  }

  target {
    arn      = "arn:aws:lambda:eu-west-1:111122223333:function:nightly"
    role_arn = "arn:aws:iam::111122223333:role/scheduler"
  }
}
