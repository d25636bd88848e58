# Fails: the AWS managed key.

resource "aws_codepipeline" "deploy" {
  name     = "deploy"
  role_arn = "arn:aws:iam::123456789012:role/codepipeline-deploy"

  artifact_store {
    location = "acme-pipeline-artifacts"
    type     = "S3"
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
