# error: 2:17 Expected "{" to open the body of block "resource"
resource "a" "b"
{
}
