# error: 2:18 Unclosed block
resource "x" "y" {
  name = "never closed"
