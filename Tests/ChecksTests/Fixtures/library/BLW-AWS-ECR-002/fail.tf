# Fails: image_tag_mutability is omitted (default MUTABLE).

resource "aws_ecr_repository" "this" {
  name = "api"

  image_scanning_configuration {
    scan_on_push = true
  }
}
