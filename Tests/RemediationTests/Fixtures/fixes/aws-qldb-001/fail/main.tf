# Fails: ALLOW_ALL.

resource "aws_qldb_ledger" "this" {
  name             = "ledger"
  permissions_mode = "ALLOW_ALL"
}
