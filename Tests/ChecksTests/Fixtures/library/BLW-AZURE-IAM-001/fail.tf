# FAILS: the role grants every action.

resource "azurerm_role_definition" "this" {
  name        = "platform-operator"
  scope       = "/subscriptions/00000000-0000-0000-0000-000000000000"
  assignable_scopes = ["/subscriptions/00000000-0000-0000-0000-000000000000"]


  permissions {
    actions     = ["*"]
    not_actions = []
  }
}
