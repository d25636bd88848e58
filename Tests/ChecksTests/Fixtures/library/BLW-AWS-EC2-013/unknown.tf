# Unknown: monitoring comes from a variable with no value.
variable "detailed_monitoring" {
  type = bool
}

resource "aws_instance" "app" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  monitoring    = var.detailed_monitoring
}
