# Fails: a plain http subscription.
resource "aws_sns_topic_subscription" "hook" {
  topic_arn = "arn:aws:sns:us-east-1:123456789012:alerts"
  protocol  = "http"
  endpoint  = "http://hooks.example.com/alerts"
}
