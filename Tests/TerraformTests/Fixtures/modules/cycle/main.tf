locals {
  a = "${local.b}-x"
  b = "${local.c}-y"
  c = local.a
  d = "independent"
}

resource "aws_s3_bucket" "ok" {
  bucket = local.d
}
