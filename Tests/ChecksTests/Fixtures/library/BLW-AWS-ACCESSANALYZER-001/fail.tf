# Fails: Access Analyzer was read and the region has no analyzer.
data "aws_live_region" "eu_west_1" {
  name                  = "eu-west-1"
  accessanalyzer_unread = false
}
