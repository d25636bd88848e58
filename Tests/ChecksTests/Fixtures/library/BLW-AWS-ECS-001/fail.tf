# Fails: Container Insights is off by default.

resource "aws_ecs_cluster" "main" {
  name = "main"
}
