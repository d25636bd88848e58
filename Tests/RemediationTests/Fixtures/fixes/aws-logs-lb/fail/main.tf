resource "aws_cloudwatch_log_group" "api" {
  name = "/app/api"
}

resource "aws_cloudwatch_log_group" "jobs" {
  name              = "/app/jobs"
  retention_in_days = 14
}

resource "aws_lb" "public" {
  name                   = "public"
  load_balancer_type     = "application"
  subnets                = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
  desync_mitigation_mode = "monitor"
}

resource "aws_lb" "tcp" {
  name                       = "tcp"
  load_balancer_type         = "network"
  subnets                    = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
  enable_deletion_protection = true
}
