# error: 2:31 Expected "}" after the argument of a single-line block
resource "x" "y" { ami = "abc"
}
