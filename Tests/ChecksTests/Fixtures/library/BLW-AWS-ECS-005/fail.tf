# Fails: the sidecar runs privileged.
resource "aws_ecs_task_definition" "app" {
  family = "app"
  container_definitions = jsonencode([
    { name = "app", image = "app:1.0", essential = true },
    { name = "agent", image = "agent:2", essential = false, privileged = true },
  ])
}
