# Passes: the symmetric key rotates; the asymmetric signing key cannot rotate and is exempt.
resource "aws_kms_key" "app" {
  description         = "application data"
  enable_key_rotation = true
}

resource "aws_kms_key" "signing" {
  description              = "JWT signing"
  key_usage                = "SIGN_VERIFY"
  customer_master_key_spec = "ECC_NIST_P256"
}
