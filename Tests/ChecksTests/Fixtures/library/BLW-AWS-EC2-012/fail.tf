# Fails: no instance profile, so software on the instance has no role credentials.

resource "aws_instance" "app" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
}
