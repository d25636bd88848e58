# Passes: the policy lets everyone in only under a SourceOwner condition.
resource "aws_sns_topic" "alerts" {
  name   = "alerts"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "SNS:Publish"
      Resource  = "arn:aws:sns:us-east-1:123456789012:alerts"
      Condition = { StringEquals = { "AWS:SourceOwner" = "123456789012" } }
    }]
  })
}
