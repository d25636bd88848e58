# Fails: anyone may subscribe.
resource "aws_sns_topic" "alerts" {
  name   = "alerts"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "SNS:Subscribe"
      Resource  = "arn:aws:sns:us-east-1:123456789012:alerts"
    }]
  })
}
