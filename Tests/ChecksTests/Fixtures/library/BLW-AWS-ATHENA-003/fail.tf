# Fails: no result encryption.

resource "aws_athena_workgroup" "analysts" {
  name = "analysts"

  configuration {
    result_configuration {
      output_location = "s3://acme-athena-results/analysts/"
    }
  }
}
