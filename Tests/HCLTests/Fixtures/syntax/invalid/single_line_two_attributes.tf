# error: 2:25 Only one argument is allowed in a single-line block
resource "x" "y" { a = 1, b = 2 }
