# Fails: require_uppercase_characters is false.
resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length      = 14
  password_reuse_prevention    = 24
  require_symbols              = true
  require_numbers              = true
  require_uppercase_characters = false
  require_lowercase_characters = true
  max_password_age             = 90
}
