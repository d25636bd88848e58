# Unknown: the only selection that names the resource could not be read.
resource "aws_ebs_volume" "this" {
  availability_zone = "us-east-1a"
  size              = 20
  encrypted         = true
}

resource "aws_backup_selection" "unread" {
  plan_id   = var.unread
  resources = [aws_ebs_volume.this.arn]
}

variable "unread" {
  type = string
}
