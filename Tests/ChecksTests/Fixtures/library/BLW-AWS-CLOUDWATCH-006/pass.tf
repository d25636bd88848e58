# Passes: the multi-region trail's log group has the CIS 4.2 filter, an alarm on its metric and a subscribed topic.

data "aws_live_account" "this" {
  trail = [aws_cloudtrail.main.arn]
}
resource "aws_cloudwatch_log_group" "trail" {
  name = "/cis/trail"
}
resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = "acme-trail"
  is_multi_region_trail      = true
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"
}
resource "aws_cloudwatch_log_metric_filter" "cis" {
  name           = "cis-sign-in-without-mfa"
  log_group_name = aws_cloudwatch_log_group.trail.name
  pattern        = "{ ($.eventName = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed != \"Yes\") }"
  metric_transformation {
    name      = "Cis6"
    namespace = "CISBenchmark"
    value     = "1"
  }
}
resource "aws_sns_topic" "alerts" {
  name = "security-alerts"
}
resource "aws_sns_topic_subscription" "oncall" {
  topic_arn = aws_sns_topic.alerts.arn
  protocol  = "email"
  endpoint  = "oncall@example.com"
}
resource "aws_cloudwatch_metric_alarm" "cis" {
  alarm_name          = "cis-sign-in-without-mfa"
  metric_name         = aws_cloudwatch_log_metric_filter.cis.metric_transformation[0].name
  namespace           = "CISBenchmark"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  alarm_actions       = [aws_sns_topic.alerts.arn]
}
