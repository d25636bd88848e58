# Unknown: root_volume_encryption_enabled comes from an input without a value, known only when the plan is made.

variable "setting" {}

resource "aws_workspaces_workspace" "this" {
  directory_id                   = "d-1234567890"
  bundle_id                      = "wsb-bh8rsxt14"
  user_name                      = "alice"
  root_volume_encryption_enabled = var.setting
  user_volume_encryption_enabled = true
  volume_encryption_key          = "alias/workspaces"
}
