# Fails: principal * allows anyone to invoke the function.

resource "aws_lambda_permission" "this" {
  statement_id  = "AllowAnyone"
  action        = "lambda:InvokeFunction"
  function_name = "image-resizer"
  principal     = "*"
}
