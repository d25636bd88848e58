# Passes: the any-principal statement is limited to the organisation, and another names one role.
data "aws_iam_policy_document" "org_read" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::acme-site/*"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalOrgID"
      values   = ["o-abc123"]
    }
  }
  statement {
    actions   = ["s3:PutObject"]
    resources = ["arn:aws:s3:::acme-site/*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:role/publisher"]
    }
  }
}
