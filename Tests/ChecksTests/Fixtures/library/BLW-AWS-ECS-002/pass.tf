# Passes: the EFS volume is encrypted in transit; a task without EFS volumes.

resource "aws_ecs_task_definition" "app" {
  family                = "app"
  container_definitions = jsonencode([{ name = "app", image = "app:1.0", essential = true }])

  volume {
    name = "data"

    efs_volume_configuration {
      file_system_id     = "fs-0a1b2c3d"
      transit_encryption = "ENABLED"
    }
  }
}

resource "aws_ecs_task_definition" "worker" {
  family                = "worker"
  container_definitions = jsonencode([{ name = "worker", image = "worker:1.0", essential = true }])
}
