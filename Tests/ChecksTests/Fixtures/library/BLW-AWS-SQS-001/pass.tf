# Passes: the queue uses the AWS managed SQS KMS key.

resource "aws_sqs_queue" "this" {
  name              = "orders"
  kms_master_key_id = "alias/aws/sqs"
}
