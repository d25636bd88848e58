# Fails: no key is named, so an AWS owned or AWS managed key is used.

resource "aws_kinesis_video_stream" "this" {
  name                    = "doorbell"
  data_retention_in_hours = 24
}
