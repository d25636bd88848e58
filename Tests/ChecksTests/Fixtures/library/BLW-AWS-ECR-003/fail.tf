# Fails: the default AES256 encryption with keys ECR owns.

resource "aws_ecr_repository" "app" {
  name = "app"
}
