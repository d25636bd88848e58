# Passes: the job uses the encrypted configuration.

resource "aws_glue_job" "etl" {
  name     = "etl"
  role_arn = "arn:aws:iam::123456789012:role/glue-etl"

  command {
    script_location = "s3://acme-glue-scripts/etl.py"
  }
  security_configuration = "jobs"
}
