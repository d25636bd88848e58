# Fails: deletion protection is off.

resource "aws_qldb_ledger" "this" {
  name                = "ledger"
  permissions_mode    = "STANDARD"
  deletion_protection = false
}
