# Passes: only S3, for one bucket and account, may invoke the function.

resource "aws_lambda_permission" "this" {
  statement_id   = "AllowS3"
  action         = "lambda:InvokeFunction"
  function_name  = "image-resizer"
  principal      = "s3.amazonaws.com"
  source_arn     = "arn:aws:s3:::acme-uploads"
  source_account = "123456789012"
}
