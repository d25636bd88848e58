# Passes: no container is privileged (false is written out for one of them).
resource "aws_ecs_task_definition" "app" {
  family = "app"
  container_definitions = jsonencode([
    { name = "app", image = "app:1.0", essential = true, readonlyRootFilesystem = true },
    { name = "agent", image = "agent:2", essential = false, privileged = false },
  ])
}
