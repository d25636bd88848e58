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
  name           = "cis-organizations-changes"
  log_group_name = aws_cloudwatch_log_group.trail.name
  pattern        = "{ ($.eventSource = \"organizations.amazonaws.com\") && ($.eventName = \"AcceptHandshake\" || $.eventName = \"AttachPolicy\" || $.eventName = \"CreateAccount\" || $.eventName = \"CreateOrganizationalUnit\" || $.eventName = \"CreatePolicy\" || $.eventName = \"DeclineHandshake\" || $.eventName = \"DeleteOrganization\" || $.eventName = \"DeleteOrganizationalUnit\" || $.eventName = \"DeletePolicy\" || $.eventName = \"DetachPolicy\" || $.eventName = \"DisablePolicyType\" || $.eventName = \"EnablePolicyType\" || $.eventName = \"InviteAccountToOrganization\" || $.eventName = \"LeaveOrganization\" || $.eventName = \"MoveAccount\" || $.eventName = \"RemoveAccountFromOrganization\" || $.eventName = \"UpdatePolicy\" || $.eventName = \"UpdateOrganizationalUnit\") }"
  metric_transformation {
    name      = "Cis19"
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
