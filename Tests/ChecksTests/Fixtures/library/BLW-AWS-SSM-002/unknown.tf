# Unknown: the accounts come from a variable with no value.
variable "setting" {
  type = string
}

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
    account_ids = var.setting
  }
}
