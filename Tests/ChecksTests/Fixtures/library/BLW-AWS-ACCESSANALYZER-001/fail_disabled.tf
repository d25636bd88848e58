# Fails: the region's only analyzer is not active.
resource "aws_accessanalyzer_analyzer" "this" {
  analyzer_name = "account"
  type          = "ACCOUNT"
  status        = "DISABLED"
}
data "aws_live_region" "us_east_1" {
  name                    = "us-east-1"
  accessanalyzer_unread   = false
  accessanalyzer_analyzer = [aws_accessanalyzer_analyzer.this.id]
}
