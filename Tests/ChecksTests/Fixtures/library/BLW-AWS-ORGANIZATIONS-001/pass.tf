# Passes: the account is in an organization.
resource "aws_organizations_organization" "this" {
  feature_set = "ALL"
}
data "aws_live_account" "this" {
  organizations_unread = false
  organization         = [aws_organizations_organization.this.id]
}
