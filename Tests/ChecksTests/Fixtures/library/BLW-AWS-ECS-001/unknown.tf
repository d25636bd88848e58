# Unknown: the setting comes from a variable with no value.
variable "insights" {
  type = string
}

resource "aws_ecs_cluster" "main" {
  name = "main"

  setting {
    name  = "containerInsights"
    value = var.insights
  }
}
