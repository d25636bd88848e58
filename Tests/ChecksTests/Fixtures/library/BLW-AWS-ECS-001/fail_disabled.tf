# Fails: Container Insights is turned off explicitly.

resource "aws_ecs_cluster" "main" {
  name = "main"

  setting {
    name  = "containerInsights"
    value = "disabled"
  }
}
