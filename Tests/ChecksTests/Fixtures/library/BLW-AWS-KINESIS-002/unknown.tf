# Unknown: the key comes from a variable with no value.
variable "stream_key" {
  type = string
}

resource "aws_kinesis_stream" "events" {
  name            = "events"
  shard_count     = 1
  encryption_type = "KMS"
  kms_key_id      = var.stream_key
}
