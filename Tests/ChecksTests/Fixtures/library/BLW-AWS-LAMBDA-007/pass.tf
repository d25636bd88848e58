# Passes: deployments must be signed by the approved profile.

resource "aws_lambda_code_signing_config" "orders" {
  allowed_publishers {
    signing_profile_version_arns = ["arn:aws:signer:eu-west-1:123456789012:/signing-profiles/orders/abcdef1234"]
  }

  policies {
    untrusted_artifact_on_deployment = "Enforce"
  }
}

resource "aws_lambda_function" "orders" {
  function_name           = "orders"
  role                    = "arn:aws:iam::123456789012:role/orders-lambda"
  handler                 = "index.handler"
  runtime                 = "python3.12"
  filename                = "orders.zip"
  code_signing_config_arn = aws_lambda_code_signing_config.orders.arn
}
