# Passes: one interface (the primary one the subnet gives).
resource "aws_instance" "web" {
  ami           = "ami-0a1b2c3d4e5f67890"
  instance_type = "t3.micro"
  subnet_id     = "subnet-0a1b2c3d"
}
