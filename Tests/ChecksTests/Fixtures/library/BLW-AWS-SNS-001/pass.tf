# Passes: the topic refers to a customer managed key.
resource "aws_kms_key" "sns" {
  description         = "SNS"
  enable_key_rotation = true
}
resource "aws_sns_topic" "this" {
  name              = "alerts"
  kms_master_key_id = aws_kms_key.sns.id
}
