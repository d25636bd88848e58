# A production-like deployment in an existing VPC. The secrets come from the environment
# (TF_VAR_git_token, TF_VAR_webhook_secret), never from a file in Git.

terraform {
  required_version = ">= 1.6"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.40, < 7.0"
    }
  }
}

provider "aws" {
  region = "eu-west-1"

  default_tags {
    tags = {
      team        = "platform-security"
      environment = "production"
    }
  }
}

variable "git_token" {
  description = "Git host token (set TF_VAR_git_token)."
  type        = string
  sensitive   = true
}

variable "webhook_secret" {
  description = "Webhook signing secret (set TF_VAR_webhook_secret)."
  type        = string
  sensitive   = true
}

module "bulwark" {
  source = "../../aws"

  controller_config  = file("${path.module}/bulwark.yaml")
  name               = "bulwark"
  vpc_id             = "vpc-0a1b2c3d4e5f60718"
  private_subnet_ids = ["subnet-0aa11bb22cc33dd44", "subnet-0ee55ff66aa77bb88"]
  public_subnet_ids  = ["subnet-0cc99dd00ee11ff22", "subnet-0bb33cc44dd55ee66"]

  # GitHub's webhook delivery ranges (from its meta API) and the office VPN.
  ingress_cidr_blocks = ["192.30.252.0/22", "185.199.108.0/22", "140.82.112.0/20", "143.55.64.0/20", "198.51.100.0/24"]

  certificate_arn    = "arn:aws:acm:eu-west-1:111122223333:certificate/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"
  web_acl_arn        = "arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/edge-default/a1b2c3d4-5678-90ab-cdef-111122223333"
  access_logs_bucket = "acme-elb-access-logs-eu-west-1"

  image = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/bulwark@sha256:4f1c0b8e1e7d2a9f6c3b5a7d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f"

  git_token      = var.git_token
  webhook_secret = var.webhook_secret

  cloudtrail_bucket_name = "acme-org-cloudtrail"
  cloudtrail_kms_key_arn = "arn:aws:kms:eu-west-1:111122223333:key/5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9"

  # The live-fix role is opt-in; this deployment approves fixes, so it is created.
  enable_remediation = true
}

output "url" {
  description = "Where the Git host's webhook points."
  value       = module.bulwark.url
}

output "remediation_role_arn" {
  description = "Role Bulwark assumes for approved live fixes."
  value       = module.bulwark.remediation_role_arn
}
