# Passes: SQS-managed server-side encryption is enabled.

resource "aws_sqs_queue" "dlq" {
  name                    = "orders-dlq"
  sqs_managed_sse_enabled = true
}
