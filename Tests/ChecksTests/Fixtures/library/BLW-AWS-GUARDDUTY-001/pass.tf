# Passes: enable is omitted and defaults to true.

resource "aws_guardduty_detector" "this" {
  finding_publishing_frequency = "FIFTEEN_MINUTES"
}
