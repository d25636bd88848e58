resource "aws_s3_bucket" "b" {
  bucket = "${var.prefix}-${var.environment}-logs"
  arn    = "${aws_s3_bucket.other.arn}/*"
  single = "${var.whole_value}"
  nested = "outer ${"inner ${var.x}"} done"
  object = "${ {a = "}"}.a }"
  call   = "${join(",", [
    "a",
    "b",
  ])}"
  math   = "${var.count * 2 + 1}"
}
