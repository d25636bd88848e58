resource "aws_s3_bucket" "many" {
  count  = 1000000
  bucket = "b-${count.index}"
}

resource "aws_s3_bucket" "one" {
  bucket = "still-here"
}
