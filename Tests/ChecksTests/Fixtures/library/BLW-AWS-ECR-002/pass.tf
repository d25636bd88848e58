# Passes: tags are immutable.

resource "aws_ecr_repository" "this" {
  name                 = "api"
  image_tag_mutability = "IMMUTABLE"
}
