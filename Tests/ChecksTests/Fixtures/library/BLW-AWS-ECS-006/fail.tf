# Fails: the task shares the instance's process namespace.
resource "aws_ecs_task_definition" "app" {
  family                = "app"
  pid_mode              = "host"
  container_definitions = jsonencode([{ name = "app", image = "app:1.0", essential = true }])
}
