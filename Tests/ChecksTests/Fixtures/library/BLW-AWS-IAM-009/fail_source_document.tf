# Fails: the document's own statement is scoped, but the source document it merges allows * on *.
data "aws_iam_policy_document" "combined" {
  source_policy_documents = [jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Sid = "BreakGlass", Effect = "Allow", Action = "*", Resource = "*" }]
  })]

  statement {
    sid       = "Read"
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::acme-data/*"]
  }
}
