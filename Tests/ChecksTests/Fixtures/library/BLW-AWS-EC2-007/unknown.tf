# Unknown: the user data comes from a variable with no value.
variable "bootstrap" {
  type = string
}

resource "aws_instance" "app" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  user_data     = var.bootstrap
}
