# The live-fix role is separate from the task role and off by default: Bulwark assumes it only for an approved
# remediation, so a compromised or misconfigured controller without it can read but never change the account.
# Its actions are exactly the calls of Bulwark's AWS live fixes and of their undo calls (rollback):
#   S3 public access block, default encryption, versioning; security group ingress revoke/authorize;
#   CloudTrail update/start/stop logging; KMS key rotation; EBS encryption by default; instance metadata
#   options (IMDSv2); the IAM account password policy.

data "aws_iam_policy_document" "remediation_trust" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "AWS"
      identifiers = [aws_iam_role.task.arn]
    }
  }
}

resource "aws_iam_role" "remediation" {
  count = var.enable_remediation ? 1 : 0

  name                 = "${var.name}-remediation"
  description          = "Write actions of Bulwark's live fixes; assumed by the Bulwark task role"
  assume_role_policy   = data.aws_iam_policy_document.remediation_trust.json
  max_session_duration = 3600
  tags                 = local.tags
}

data "aws_iam_policy_document" "remediation" {
  statement {
    sid = "S3BucketSettings"
    actions = [
      "s3:PutBucketPublicAccessBlock",
      "s3:PutEncryptionConfiguration",
      "s3:PutBucketVersioning",
    ]
    resources = ["arn:${local.partition}:s3:::*"]
  }

  statement {
    sid       = "SecurityGroupIngress"
    actions   = ["ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress"]
    resources = ["arn:${local.partition}:ec2:*:${local.account_id}:security-group/*"]
  }

  statement {
    sid       = "InstanceMetadataOptions"
    actions   = ["ec2:ModifyInstanceMetadataOptions"]
    resources = ["arn:${local.partition}:ec2:*:${local.account_id}:instance/*"]
  }

  statement {
    sid       = "CloudTrailSettings"
    actions   = ["cloudtrail:UpdateTrail", "cloudtrail:StartLogging", "cloudtrail:StopLogging"]
    resources = ["arn:${local.partition}:cloudtrail:*:${local.account_id}:trail/*"]
  }

  statement {
    sid       = "KeyRotation"
    actions   = ["kms:EnableKeyRotation", "kms:DisableKeyRotation"]
    resources = ["arn:${local.partition}:kms:*:${local.account_id}:key/*"]
  }

  # These two APIs are account- or region-wide settings with no resource ARN: IAM only accepts "*" for them.
  statement {
    sid = "AccountSettings"
    actions = [
      "ec2:EnableEbsEncryptionByDefault",
      "ec2:DisableEbsEncryptionByDefault",
      "iam:UpdateAccountPasswordPolicy",
      "iam:DeleteAccountPasswordPolicy",
    ]
    resources = ["*"]
  }
}

resource "aws_iam_role_policy" "remediation" {
  count = var.enable_remediation ? 1 : 0

  name   = "live-fixes"
  role   = aws_iam_role.remediation[0].id
  policy = data.aws_iam_policy_document.remediation.json
}

# The task role may assume the live-fix role only when it exists.
data "aws_iam_policy_document" "task_assume_remediation" {
  count = var.enable_remediation ? 1 : 0

  statement {
    actions   = ["sts:AssumeRole"]
    resources = [aws_iam_role.remediation[0].arn]
  }
}

resource "aws_iam_role_policy" "task_assume_remediation" {
  count = var.enable_remediation ? 1 : 0

  name   = "assume-remediation"
  role   = aws_iam_role.task.id
  policy = data.aws_iam_policy_document.task_assume_remediation[0].json
}
