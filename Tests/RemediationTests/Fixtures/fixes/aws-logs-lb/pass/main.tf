resource "aws_cloudwatch_log_group" "api" {
  name              = "/app/api"
  retention_in_days = 365
}

resource "aws_cloudwatch_log_group" "jobs" {
  name              = "/app/jobs"
  retention_in_days = 400
}

resource "aws_lb" "public" {
  name                       = "public"
  load_balancer_type         = "application"
  subnets                    = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
  desync_mitigation_mode     = "defensive"
  enable_deletion_protection = true
  drop_invalid_header_fields = true
}

resource "aws_lb" "tcp" {
  name                             = "tcp"
  load_balancer_type               = "network"
  subnets                          = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
  enable_deletion_protection       = true
  enable_cross_zone_load_balancing = true
}
