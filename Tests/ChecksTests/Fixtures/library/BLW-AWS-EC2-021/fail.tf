# Fails: the image can be launched by every AWS account.

resource "aws_ami_launch_permission" "public" {
  image_id = "ami-0123456789abcdef0"
  group    = "all"
}
