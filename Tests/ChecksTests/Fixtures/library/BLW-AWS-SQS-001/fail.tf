# Fails: SQS-managed encryption is switched off and no KMS key is set.

resource "aws_sqs_queue" "this" {
  name                    = "orders"
  sqs_managed_sse_enabled = false
}
