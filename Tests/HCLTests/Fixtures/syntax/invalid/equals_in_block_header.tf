# error: 2:18 Unexpected "=" in the definition of block "resource"
resource "a" "b" = {
}
