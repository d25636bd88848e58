module "again" {
  source = "./"
}

resource "aws_s3_bucket" "b" {
  bucket = "recursion"
}
