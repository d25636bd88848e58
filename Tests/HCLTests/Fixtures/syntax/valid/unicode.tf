locals {
  café     = "crème brûlée"
  名前      = "値"
  ümlaut_x = "ü"
  emoji    = "🚀 launch"
}

resource "aws_s3_bucket" "données" {
  bucket = "données-${local.café}"
}
