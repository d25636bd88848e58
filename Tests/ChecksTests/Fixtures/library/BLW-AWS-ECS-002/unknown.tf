# Unknown: the setting comes from a variable with no value.
variable "transit_encryption" {
  type = string
}

resource "aws_ecs_task_definition" "app" {
  family                = "app"
  container_definitions = jsonencode([{ name = "app", image = "app:1.0", essential = true }])

  volume {
    name = "data"

    efs_volume_configuration {
      file_system_id     = "fs-0a1b2c3d"
      transit_encryption = var.transit_encryption
    }
  }
}
