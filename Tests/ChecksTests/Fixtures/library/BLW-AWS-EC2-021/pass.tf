# Passes: the image is shared with one named account.

resource "aws_ami_launch_permission" "partner" {
  image_id   = "ami-0123456789abcdef0"
  account_id = "210987654321"
}
