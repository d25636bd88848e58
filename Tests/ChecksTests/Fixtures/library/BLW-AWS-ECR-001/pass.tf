# Passes: images are scanned on push.

resource "aws_ecr_repository" "this" {
  name                 = "api"
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }
}
