# Passes: a customer managed key.

resource "aws_codepipeline" "deploy" {
  name     = "deploy"
  role_arn = "arn:aws:iam::123456789012:role/codepipeline-deploy"

  artifact_store {
    location = "acme-pipeline-artifacts"
    type     = "S3"

    encryption_key {
      id   = "arn:aws:kms:eu-west-1:123456789012:key/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"
      type = "KMS"
    }
  }

  stage {
    name = "Source"

    action {
      name             = "Source"
      category         = "Source"
      owner            = "AWS"
      provider         = "CodeStarSourceConnection"
      version          = "1"
      output_artifacts = ["source"]

      configuration = {
        ConnectionArn    = "arn:aws:codestar-connections:eu-west-1:123456789012:connection/0f1e2d3c"
        FullRepositoryId = "example/app"
        BranchName       = "main"
      }
    }
  }
}
