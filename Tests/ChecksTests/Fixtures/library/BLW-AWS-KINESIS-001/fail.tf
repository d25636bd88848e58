# Fails: the records are stored unencrypted (encryption_type defaults to NONE).

resource "aws_kinesis_stream" "events" {
  name        = "events"
  shard_count = 1
}
