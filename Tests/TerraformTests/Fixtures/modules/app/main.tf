# Locals declared out of dependency order on purpose.
locals {
  bucket_prefix = "${local.project}-${var.environment}"
  project       = "bulwark"
  common_tags = {
    Project     = local.project
    Environment = upper(var.environment)
  }
  log_bucket_id = aws_s3_bucket.per_env["logs"].id
}

resource "aws_s3_bucket" "per_env" {
  for_each = var.buckets
  bucket   = "${local.bucket_prefix}-${each.key}"
  tags     = merge(local.common_tags, { Tier = each.value.tier })
}

resource "aws_s3_bucket_versioning" "per_env" {
  for_each = { for name, cfg in var.buckets : name => cfg if cfg.versioning }
  bucket   = aws_s3_bucket.per_env[each.key].id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_public_access_block" "logs" {
  bucket                  = local.log_bucket_id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_instance" "web" {
  count         = var.instance_count
  ami           = "ami-0abcdef1234567890"
  instance_type = count.index == 0 ? "t3.large" : "t3.micro"
  user_data     = templatefile("${path.module}/templates/user_data.sh.tpl", { index = count.index, env = var.environment })
  tags          = merge(local.common_tags, { Name = format("web-%02d", count.index) })

  metadata_options {
    http_tokens = "required"
  }
}

resource "aws_security_group" "web" {
  name = "web"

  dynamic "ingress" {
    for_each = var.ingress_ports
    iterator = port
    content {
      from_port   = port.value
      to_port     = port.value
      protocol    = "tcp"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [var.admin_cidr]
  }
}

resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = module.storage.bucket_name
  created        = timestamp()
}

module "storage" {
  source      = "./modules/bucket"
  name        = "${local.bucket_prefix}-trail"
  kms_key_arn = aws_kms_key.trail.arn
}

resource "aws_kms_key" "trail" {
  description         = "CloudTrail key"
  enable_key_rotation = true
}

data "aws_caller_identity" "current" {}

output "web_ids" {
  value = aws_instance.web[*].id
}

output "bucket_names" {
  value = [for b in aws_s3_bucket.per_env : b.bucket]
}

resource "aws_s3_bucket_ownership_controls" "per_env" {
  for_each = aws_s3_bucket.per_env
  bucket   = each.value.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}
