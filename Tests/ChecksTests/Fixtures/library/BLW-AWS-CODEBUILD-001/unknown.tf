# Unknown: the setting comes from a variable with no value.
variable "flag" {
  type = bool
}

resource "aws_codebuild_project" "app" {
  name         = "app"
  service_role = "arn:aws:iam::123456789012:role/codebuild-app"

  artifacts {
    type                = "S3"
    location            = "acme-build-artifacts"
    encryption_disabled = var.flag
  }

  environment {
    compute_type = "BUILD_GENERAL1_SMALL"
    image        = "aws/codebuild/amazonlinux2-x86_64-standard:5.0"
    type         = "LINUX_CONTAINER"
  }

  source {
    type     = "GITHUB"
    location = "https://github.com/example/app.git"
  }
}
