# Fails: the AWS managed key cannot be shared with SNS or other accounts.

resource "aws_sqs_queue" "orders" {
  name              = "orders"
  kms_master_key_id = "alias/aws/sqs"
}
