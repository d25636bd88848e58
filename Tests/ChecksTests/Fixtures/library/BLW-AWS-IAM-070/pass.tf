# Passes: a SAML provider for the identity provider.
resource "aws_iam_saml_provider" "corp" {
  name                   = "corp-idp"
  saml_metadata_document = "<EntityDescriptor/>"
}
data "aws_live_account" "this" {
  iam_unread    = false
  saml_provider = [aws_iam_saml_provider.corp.arn]
}
