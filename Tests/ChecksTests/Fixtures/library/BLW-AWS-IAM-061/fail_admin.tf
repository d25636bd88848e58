# Fails: Action * on Resource * includes every CloudTrail action, whatever the condition.
resource "aws_iam_role_policy" "admin" {
  name = "admin"
  role = "ops"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow", Action = "*", Resource = "*"
      Condition = { Bool = { "aws:MultiFactorAuthPresent" = "true" } }
    }]
  })
}
