# Passes: an https subscription.
resource "aws_sns_topic_subscription" "hook" {
  topic_arn = "arn:aws:sns:us-east-1:123456789012:alerts"
  protocol  = "https"
  endpoint  = "https://hooks.example.com/alerts"
}
