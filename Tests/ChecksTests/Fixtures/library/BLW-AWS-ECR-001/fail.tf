# Fails: no image_scanning_configuration (scan on push disabled).

resource "aws_ecr_repository" "this" {
  name                 = "api"
  image_tag_mutability = "IMMUTABLE"
}
