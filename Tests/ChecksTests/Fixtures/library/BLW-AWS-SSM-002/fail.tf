# Fails: the document is shared with every account.

resource "aws_ssm_document" "patch" {
  name          = "patch-hosts"
  document_type = "Command"
  content = jsonencode({
    schemaVersion = "2.2"
    description   = "Patch hosts"
    mainSteps     = [{ action = "aws:runShellScript", name = "patch", inputs = { runCommand = ["yum -y update"] } }]
  })

  permissions = {
    type        = "Share"
    account_ids = "All"
  }
}
