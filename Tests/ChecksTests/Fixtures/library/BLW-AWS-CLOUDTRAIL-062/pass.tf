# Passes: API call rate insights.
resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = "audit-logs"
  insight_selector {
    insight_type = "ApiCallRateInsight"
  }
}
