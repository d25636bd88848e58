# Fails: CloudTrail may assume the role for any account's trail.
resource "aws_iam_role" "trail_to_logs" {
  name = "trail-to-logs"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "cloudtrail.amazonaws.com" }
    }]
  })
}
