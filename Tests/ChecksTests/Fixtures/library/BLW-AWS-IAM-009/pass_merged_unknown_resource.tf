# Passes: a known source document merges into statement blocks whose resource is known only after apply; no
# statement of either has action *, so the merged document cannot allow * on *.
data "aws_caller_identity" "current" {}

data "aws_iam_policy_document" "reader" {
  count = 1

  source_policy_documents = [jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Sid = "List", Effect = "Allow", Action = "s3:ListAllMyBuckets", Resource = "*" }]
  })]

  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::data-${data.aws_caller_identity.current.account_id}/*"]
  }
}
