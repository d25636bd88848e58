# Unknown: the only selection that names the resource could not be read.
resource "aws_db_instance" "this" {
  identifier        = "app"
  engine            = "postgres"
  instance_class    = "db.t3.micro"
  allocated_storage = 20
}

resource "aws_backup_selection" "unread" {
  name      = var.unread
  plan_id   = "plan-0a1b2c3d"
  resources = [aws_db_instance.this.arn]
}

variable "unread" {
  type = string
}
