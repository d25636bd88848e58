# Passes: guardrail attached.

resource "aws_bedrockagent_agent" "this" {
  agent_name              = "support"
  agent_resource_role_arn = "arn:aws:iam::111122223333:role/bedrock-agent"
  foundation_model        = "anthropic.claude-3-5-sonnet-20240620-v1:0"
  instruction             = "Answer questions about orders using the order lookup tool only."

  guardrail_configuration {
    guardrail_identifier = "gr-0123456789ab"
    guardrail_version    = "1"
  }
}
