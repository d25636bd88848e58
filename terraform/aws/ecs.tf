resource "aws_ecs_cluster" "this" {
  name = var.name

  setting {
    name  = "containerInsights"
    value = "enabled"
  }

  tags = local.tags
}

locals {
  database_url = "postgres://${aws_db_instance.this.username}@${aws_db_instance.this.endpoint}/${aws_db_instance.this.db_name}?sslmode=require"

  container_definition = {
    name                   = local.container
    image                  = var.image
    command                = var.command
    essential              = true
    readonlyRootFilesystem = true
    user                   = "65532:65532"
    portMappings           = [{ containerPort = local.port, protocol = "tcp" }]
    # The store URL carries no password: libpq takes it from PGPASSWORD, filled from the RDS-managed secret.
    environment = [
      for key, value in merge(var.environment, {
        BULWARK_DATABASE_URL = local.database_url
        # Only /tmp is writable (read-only root): the Git cache and the config written from its text live there.
        BULWARK_HOME        = "/tmp/bulwark"
        BULWARK_LISTEN      = "0.0.0.0:${local.port}"
        BULWARK_CONFIG_YAML = var.controller_config
      }) : { name = key, value = value }
    ]
    secrets = [
      { name = "BULWARK_GIT_TOKEN", valueFrom = aws_secretsmanager_secret.git_token.arn },
      { name = "BULWARK_WEBHOOK_SECRET", valueFrom = aws_secretsmanager_secret.webhook_secret.arn },
      { name = "PGPASSWORD", valueFrom = "${aws_db_instance.this.master_user_secret[0].secret_arn}:password::" },
    ]
    mountPoints = [{ sourceVolume = "tmp", containerPath = "/tmp", readOnly = false }]
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = aws_cloudwatch_log_group.this.name
        awslogs-region        = local.region
        awslogs-stream-prefix = local.container
      }
    }
  }
}

resource "aws_ecs_task_definition" "this" {
  family                   = var.name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.cpu
  memory                   = var.memory
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn
  container_definitions    = jsonencode([local.container_definition])

  # Git clones and scan scratch space; the root filesystem stays read-only.
  volume {
    name = "tmp"
  }

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }

  tags = local.tags
}

resource "aws_ecs_service" "this" {
  name                   = var.name
  cluster                = aws_ecs_cluster.this.id
  task_definition        = aws_ecs_task_definition.this.arn
  desired_count          = var.desired_count
  launch_type            = "FARGATE"
  platform_version       = "LATEST"
  enable_execute_command = false
  propagate_tags         = "SERVICE"

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [aws_security_group.service.id]
    assign_public_ip = false
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.this.arn
    container_name   = local.container
    container_port   = local.port
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  depends_on = [aws_lb_listener.https]

  tags = local.tags
}
