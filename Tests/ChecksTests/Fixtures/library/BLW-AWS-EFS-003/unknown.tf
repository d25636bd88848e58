# Unknown: the directory comes from a variable with no value.
variable "root_path" {
  type = string
}

resource "aws_efs_access_point" "app" {
  file_system_id = "fs-0a1b2c3d"

  root_directory {
    path = var.root_path
  }
}
