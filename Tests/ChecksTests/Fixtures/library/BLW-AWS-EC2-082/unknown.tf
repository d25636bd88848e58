# Unknown: the only selection that names the resource could not be read.
resource "aws_ebs_volume" "this" {
  availability_zone = "us-east-1a"
  size              = 20
  encrypted         = true
}

resource "aws_backup_selection" "unread" {
  name      = var.unread
  plan_id   = "plan-0a1b2c3d"
  resources = [aws_ebs_volume.this.arn]
}

variable "unread" {
  type = string
}
