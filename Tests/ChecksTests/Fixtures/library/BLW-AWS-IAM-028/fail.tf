# Fails: the user has a console password.

resource "aws_iam_user" "alice" {
  name = "alice"
}

resource "aws_iam_user_login_profile" "alice" {
  user    = aws_iam_user.alice.name
  pgp_key = "keybase:alice"
}
