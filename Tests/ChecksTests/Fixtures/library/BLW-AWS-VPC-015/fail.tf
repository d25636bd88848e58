# Fails: attachments are accepted automatically.

resource "aws_ec2_transit_gateway" "this" {
  description                    = "core"
  auto_accept_shared_attachments = "enable"
}
