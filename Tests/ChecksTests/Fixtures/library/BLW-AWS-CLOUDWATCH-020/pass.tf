# Passes: the alarm notifies a topic.
resource "aws_cloudwatch_metric_alarm" "errors" {
  alarm_name          = "errors"
  metric_name         = "Errors"
  namespace           = "App"
  comparison_operator = "GreaterThanOrEqualToThreshold"
  evaluation_periods  = 1
  threshold           = 1
  alarm_actions       = ["arn:aws:sns:us-east-1:123456789012:alerts"]
}
