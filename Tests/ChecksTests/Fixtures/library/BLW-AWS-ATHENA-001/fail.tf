# Fails: results are not encrypted.

resource "aws_athena_database" "events" {
  name   = "events"
  bucket = "acme-athena-results"
}
