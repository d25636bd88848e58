# Passes: customer managed key.

resource "aws_kms_key" "this" {
  description         = "data key"
  enable_key_rotation = true
}

resource "aws_bedrockagent_agent" "this" {
  agent_name                  = "support"
  agent_resource_role_arn     = "arn:aws:iam::111122223333:role/bedrock-agent"
  foundation_model            = "anthropic.claude-3-5-sonnet-20240620-v1:0"
  instruction                 = "Answer questions about orders using the order lookup tool only."
  customer_encryption_key_arn = aws_kms_key.this.arn
}
