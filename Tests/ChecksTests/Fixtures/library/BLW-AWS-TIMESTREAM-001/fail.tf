# Fails: no key is named, so an AWS owned or AWS managed key is used.

resource "aws_timestreamwrite_database" "this" {
  database_name = "metrics"
}
