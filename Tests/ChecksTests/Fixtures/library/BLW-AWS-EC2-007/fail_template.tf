# Fails: a launch template's user data carries a private key.

resource "aws_launch_configuration" "workers" {
  image_id      = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  user_data     = "echo '-----BEGIN RSA PRIVATE KEY-----' > /root/.ssh/id_rsa"
}
