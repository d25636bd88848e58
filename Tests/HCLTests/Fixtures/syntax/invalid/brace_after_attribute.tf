# error: 3:14 Expected a newline after the value of "name"
variable "x" {
  name = "x" }
