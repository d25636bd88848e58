# UNKNOWN: the actions come from a variable without a value.

variable "actions" {
  type = list(string)
}

resource "azurerm_role_definition" "this" {
  name        = "platform-operator"
  scope       = "/subscriptions/00000000-0000-0000-0000-000000000000"
  assignable_scopes = ["/subscriptions/00000000-0000-0000-0000-000000000000"]


  permissions {
    actions     = var.actions
    not_actions = []
  }
}
