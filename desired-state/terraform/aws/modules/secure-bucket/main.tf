variable "name" {
  type = string
}

variable "versioning" {
  type    = bool
  default = true
}

variable "kms_key_id" {
  type = string
}

variable "tags" {
  type    = map(string)
  default = {}
}

# FINDING ON PURPOSE (BLW-AWS-S3-013, low): server access logging is not configured for these buckets;
# CloudTrail data events are the audit trail instead. Reported so the team sees the gap. The "reports"
# instance also receives the trail's logs, so BLW-AWS-CLOUDTRAIL-008 (medium) reports the same gap there.
resource "aws_s3_bucket" "this" {
  bucket = var.name
  tags   = var.tags
}

resource "aws_s3_bucket_public_access_block" "this" {
  bucket                  = aws_s3_bucket.this.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  bucket = aws_s3_bucket.this.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = var.kms_key_id
    }
  }
}

resource "aws_s3_bucket_versioning" "this" {
  count  = var.versioning ? 1 : 0
  bucket = aws_s3_bucket.this.id

  versioning_configuration {
    status = "Enabled"
  }
}

# UNKNOWN ON PURPOSE (BLW-AWS-S3-008/009): the policy embeds the bucket ARN, which exists only after apply,
# so jsonencode() yields a value Terraform itself knows only after apply. Bulwark reports UNKNOWN rather than
# guessing; scanning the plan (terraform show -json) or the live bucket gives the definite answer.
resource "aws_s3_bucket_policy" "tls_only" {
  bucket = aws_s3_bucket.this.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyInsecureTransport"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = [aws_s3_bucket.this.arn, "${aws_s3_bucket.this.arn}/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}

output "bucket_name" {
  value = aws_s3_bucket.this.bucket
}

output "bucket_arn" {
  value = aws_s3_bucket.this.arn
}
