# Passes: STANDARD.

resource "aws_qldb_ledger" "this" {
  name             = "ledger"
  permissions_mode = "STANDARD"
}
