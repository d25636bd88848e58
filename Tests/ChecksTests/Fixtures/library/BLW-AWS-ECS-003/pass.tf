# Passes: sessions go to a log group; a cluster with the default logging.

resource "aws_ecs_cluster" "main" {
  name = "main"

  configuration {
    execute_command_configuration {
      logging = "OVERRIDE"

      log_configuration {
        cloud_watch_log_group_name = "/ecs/exec"
      }
    }
  }
}

resource "aws_ecs_cluster" "batch" {
  name = "batch"
}
