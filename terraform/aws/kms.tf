# One customer-managed key for everything the deployment stores: the database, its managed master password,
# the Git token and webhook secret, and the log group.
resource "aws_kms_key" "this" {
  description             = "${var.name}: database, secrets and logs"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  policy                  = data.aws_iam_policy_document.key.json
  tags                    = local.tags
}

resource "aws_kms_alias" "this" {
  name          = "alias/${var.name}"
  target_key_id = aws_kms_key.this.key_id
}

# A key policy's "*" resource is the key it is attached to, never every resource of the account.
# bulwark:skip=BLW-AWS-IAM-017 key policy: Resource * means this key; administration stays with the account root
# bulwark:skip=BLW-AWS-IAM-019 key policy: Resource * means this key; writes are limited to this key
# bulwark:skip=BLW-AWS-IAM-020 key policy: Resource * is the only resource a key policy statement can name
data "aws_iam_policy_document" "key" {
  # The account administers the key through IAM; without this statement the key becomes unmanageable.
  statement {
    sid       = "AccountAdministration"
    actions   = ["kms:*"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:${local.partition}:iam::${local.account_id}:root"]
    }
  }

  # CloudWatch Logs encrypts with the key only for this deployment's log group.
  statement {
    sid       = "CloudWatchLogs"
    actions   = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"]
    resources = ["*"]

    principals {
      type        = "Service"
      identifiers = ["logs.${local.region}.amazonaws.com"]
    }

    condition {
      test     = "ArnEquals"
      variable = "kms:EncryptionContext:aws:logs:arn"
      values   = ["arn:${local.partition}:logs:${local.region}:${local.account_id}:log-group:/ecs/${var.name}"]
    }
  }
}
