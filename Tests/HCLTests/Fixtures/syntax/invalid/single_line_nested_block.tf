# error: 2:20 A single-line block cannot contain a nested block
resource "x" "y" { lifecycle {} }
