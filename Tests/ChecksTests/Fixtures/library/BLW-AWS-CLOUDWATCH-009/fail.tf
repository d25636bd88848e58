# Fails: the filter is there but no alarm watches its metric.

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
  name           = "cis-cloudtrail-changes"
  log_group_name = aws_cloudwatch_log_group.trail.name
  pattern        = "{ $.eventName = \"CreateTrail\" || $.eventName = \"UpdateTrail\" || $.eventName = \"DeleteTrail\" || $.eventName = \"StartLogging\" || $.eventName = \"StopLogging\" }"
  metric_transformation {
    name      = "Cis9"
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
