# Passes: a namespace per task, and the default.
resource "aws_ecs_task_definition" "task" {
  family                = "task"
  pid_mode              = "task"
  container_definitions = jsonencode([{ name = "app", image = "app:1.0", essential = true }])
}
resource "aws_ecs_task_definition" "default" {
  family                = "default"
  container_definitions = jsonencode([{ name = "app", image = "app:1.0", essential = true }])
}
