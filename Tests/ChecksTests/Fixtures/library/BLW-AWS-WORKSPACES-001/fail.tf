# Fails: the user volume is not encrypted.

resource "aws_workspaces_workspace" "this" {
  directory_id = "d-1234567890"
  bundle_id    = "wsb-bh8rsxt14"
  user_name    = "alice"
}
