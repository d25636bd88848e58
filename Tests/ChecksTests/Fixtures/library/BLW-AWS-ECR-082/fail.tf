# Fails: no lifecycle policy.
resource "aws_ecr_repository" "app" {
  name = "app"
}
