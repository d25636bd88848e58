locals {
  name_prefix = "bulwark-${var.environment}"
  tags = {
    Owner       = "platform-security"
    Environment = var.environment
    ManagedBy   = "terraform"
  }
}

data "aws_caller_identity" "current" {}

module "bucket" {
  source     = "./modules/secure-bucket"
  for_each   = var.buckets
  name       = "${local.name_prefix}-${each.key}"
  versioning = each.value.versioning
  kms_key_id = aws_kms_key.data.arn
  tags       = local.tags
}

resource "aws_kms_key" "data" {
  description         = "Data at rest for ${local.name_prefix}"
  enable_key_rotation = true
  tags                = local.tags
}

# The key policy is a resource of its own so that it can name the account without a cycle.
resource "aws_kms_key_policy" "data" {
  key_id = aws_kms_key.data.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "AccountAdministers"
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:root" }
      Action    = "kms:*"
      Resource  = "*"
    }]
  })
}

resource "aws_sns_topic" "trail" {
  name              = "${local.name_prefix}-trail-delivery"
  kms_master_key_id = aws_kms_key.data.arn
  tags              = local.tags
}

resource "aws_cloudwatch_log_group" "trail" {
  name              = "/aws/cloudtrail/${local.name_prefix}"
  retention_in_days = 365
  kms_key_id        = aws_kms_key.data.arn
}

resource "aws_cloudtrail" "main" {
  name                          = "${local.name_prefix}-trail"
  cloud_watch_logs_group_arn    = "${aws_cloudwatch_log_group.trail.arn}:*"
  s3_bucket_name                = module.bucket["reports"].bucket_name
  is_multi_region_trail         = true
  enable_log_file_validation    = true
  include_global_service_events = true
  kms_key_id                    = aws_kms_key.data.arn
  sns_topic_name                = aws_sns_topic.trail.name
  tags                          = local.tags

  event_selector {
    read_write_type           = "All"
    include_management_events = true

    data_resource {
      type   = "AWS::S3::Object"
      values = ["arn:aws:s3"]
    }
  }
}

resource "aws_vpc" "main" {
  cidr_block           = "10.20.0.0/16"
  enable_dns_hostnames = true
  tags                 = merge(local.tags, { Name = "${local.name_prefix}-vpc" })
}

resource "aws_subnet" "private" {
  count             = 3
  vpc_id            = aws_vpc.main.id
  cidr_block        = cidrsubnet(aws_vpc.main.cidr_block, 4, count.index)
  availability_zone = "${var.region}${["a", "b", "c"][count.index]}"
  tags              = merge(local.tags, { Name = "${local.name_prefix}-private-${count.index}" })
}

resource "aws_flow_log" "main" {
  vpc_id          = aws_vpc.main.id
  traffic_type    = "ALL"
  log_destination = module.bucket["reports"].bucket_arn
}

resource "aws_security_group" "bastion" {
  name        = "${local.name_prefix}-bastion"
  description = "Bastion host: SSH in from the admin network, HTTPS out"
  vpc_id      = aws_vpc.main.id

  ingress {
    description = "SSH from the admin network only"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [var.admin_cidr]
  }

  egress {
    description = "HTTPS to package mirrors and AWS APIs"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_iam_role" "instance" {
  name = "${local.name_prefix}-instance"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ec2.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
  tags = local.tags
}

resource "aws_iam_instance_profile" "instance" {
  name = "${local.name_prefix}-instance"
  role = aws_iam_role.instance.name
}

resource "aws_iam_role" "rds_monitoring" {
  name = "${local.name_prefix}-rds-monitoring"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "monitoring.rds.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
  tags = local.tags
}

resource "aws_iam_role_policy_attachment" "rds_monitoring" {
  role       = aws_iam_role.rds_monitoring.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole"
}

resource "aws_instance" "bastion" {
  ami                    = "ami-0abcdef1234567890"
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.private[0].id
  vpc_security_group_ids = [aws_security_group.bastion.id]
  iam_instance_profile   = aws_iam_instance_profile.instance.name
  monitoring             = true

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }

  root_block_device {
    encrypted = true
  }

  tags = merge(local.tags, { Name = "${local.name_prefix}-bastion" })
}

resource "aws_db_instance" "reports" {
  identifier          = "${local.name_prefix}-reports"
  engine              = "postgres"
  engine_version      = "15.5"
  instance_class      = "db.t3.medium"
  allocated_storage   = 50
  username            = "reports"
  storage_encrypted   = true
  kms_key_id          = aws_kms_key.data.arn
  publicly_accessible = false
  skip_final_snapshot = false

  backup_retention_period             = 14
  iam_database_authentication_enabled = true
  deletion_protection                 = true
  multi_az                            = true
  copy_tags_to_snapshot               = true
  enabled_cloudwatch_logs_exports     = ["postgresql", "upgrade"]
  performance_insights_enabled        = true
  performance_insights_kms_key_id     = aws_kms_key.data.arn
  monitoring_interval                 = 60
  monitoring_role_arn                 = aws_iam_role.rds_monitoring.arn
  tags                                = local.tags
}

# FINDING ON PURPOSE (BLW-AWS-EC2-002, high): this legacy reporting host still allows IMDSv1
# (http_tokens = "optional"), so a server-side request forgery can read its role credentials.
# The remediation stage later switches it to "required".
resource "aws_instance" "legacy_reporting" {
  ami                  = "ami-0abcdef1234567890"
  instance_type        = "t3.small"
  subnet_id            = aws_subnet.private[1].id
  iam_instance_profile = aws_iam_instance_profile.instance.name
  monitoring           = true

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "optional"
  }

  root_block_device {
    encrypted = true
  }

  tags = merge(local.tags, { Name = "${local.name_prefix}-legacy-reporting" })
}

output "bucket_names" {
  value = { for k, m in module.bucket : k => m.bucket_name }
}
