# Unknown: the encryption type comes from a variable with no value.
variable "encryption_type" {
  type = string
}

resource "aws_kinesis_stream" "events" {
  name            = "events"
  shard_count     = 1
  encryption_type = var.encryption_type
}
