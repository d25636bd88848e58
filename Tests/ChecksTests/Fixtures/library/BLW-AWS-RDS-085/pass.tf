# Passes: the critical categories are subscribed.
resource "aws_db_event_subscription" "events" {
  name             = "events"
  sns_topic        = "arn:aws:sns:us-east-1:123456789012:rds-events"
  source_type      = "db-security-group"
  event_categories = ["configuration change", "failure"]
}

data "aws_live_region" "us_east_1" {
  name                  = "us-east-1"
  rds_unread            = false
  db_event_subscription = [aws_db_event_subscription.events.id]
}
