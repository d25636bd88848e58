# Fails: no action for the ALARM state.
resource "aws_cloudwatch_metric_alarm" "errors" {
  alarm_name          = "errors"
  metric_name         = "Errors"
  namespace           = "App"
  comparison_operator = "GreaterThanOrEqualToThreshold"
  evaluation_periods  = 1
  threshold           = 1
}
