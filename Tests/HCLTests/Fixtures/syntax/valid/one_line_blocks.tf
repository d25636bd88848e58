resource "aws_instance" "web" {
  ami           = "ami-123456"
  instance_type = "t3.micro"

  metadata_options { http_tokens = "required" }
  root_block_device { encrypted = true }
  timeouts {}
  lifecycle { ignore_changes = [tags, ami] }
}

locals {}
variable "empty" {}
output "id" { value = aws_instance.web.id }
