# Fails: no customer managed key, so AWS uses a key it owns.

resource "aws_cloudtrail_event_data_store" "this" {
  name = "org-events"
}
