# Fails: the boot script exports an access key.

resource "aws_instance" "app" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  user_data     = <<-SCRIPT
    #!/bin/bash
    export AWS_ACCESS_KEY_ID=AKIAZZZZEXAMPLE00002
    /opt/app/start
  SCRIPT
}
