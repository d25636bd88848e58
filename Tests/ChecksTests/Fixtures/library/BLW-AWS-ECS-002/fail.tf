# Fails: the EFS volume is mounted without transit encryption.

resource "aws_ecs_task_definition" "app" {
  family                = "app"
  container_definitions = jsonencode([{ name = "app", image = "app:1.0", essential = true }])

  volume {
    name = "data"

    efs_volume_configuration {
      file_system_id = "fs-0a1b2c3d"
    }
  }
}
