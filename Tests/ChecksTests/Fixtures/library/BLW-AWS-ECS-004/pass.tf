# Passes: private tasks.

resource "aws_ecs_service" "this" {
  name            = "web"
  cluster         = "arn:aws:ecs:eu-west-1:111122223333:cluster/shop"
  task_definition = "arn:aws:ecs:eu-west-1:111122223333:task-definition/web:3"
  launch_type     = "FARGATE"
  desired_count   = 2

  network_configuration {
    subnets         = ["subnet-0123456789abcdef0"]
    security_groups = ["sg-0123456789abcdef0"]
  }
}
