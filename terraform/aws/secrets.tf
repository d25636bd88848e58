# The Git token and the webhook secret are issued by the Git host, which has no rotation API Secrets Manager could
# call; they are rotated there and the new value is written here (terraform apply with the new variable).

# bulwark:skip=BLW-AWS-SECRETSMANAGER-001 issued by the Git host, rotated there; no rotation Lambda can mint it
resource "aws_secretsmanager_secret" "git_token" {
  name                    = "${var.name}/git-token"
  description             = "Token Bulwark reads repositories and opens pull requests with"
  kms_key_id              = aws_kms_key.this.arn
  recovery_window_in_days = 30
  tags                    = local.tags
}

resource "aws_secretsmanager_secret_version" "git_token" {
  secret_id     = aws_secretsmanager_secret.git_token.id
  secret_string = var.git_token
}

# bulwark:skip=BLW-AWS-SECRETSMANAGER-001 shared with the Git host's webhook settings, rotated on both sides together
resource "aws_secretsmanager_secret" "webhook_secret" {
  name                    = "${var.name}/webhook-secret"
  description             = "Secret the Git host signs webhook deliveries with"
  kms_key_id              = aws_kms_key.this.arn
  recovery_window_in_days = 30
  tags                    = local.tags
}

resource "aws_secretsmanager_secret_version" "webhook_secret" {
  secret_id     = aws_secretsmanager_secret.webhook_secret.id
  secret_string = var.webhook_secret
}
