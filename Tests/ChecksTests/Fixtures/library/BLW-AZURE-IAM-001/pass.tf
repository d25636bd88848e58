# PASSES: the role grants two VM actions.

resource "azurerm_role_definition" "this" {
  name        = "platform-operator"
  scope       = "/subscriptions/00000000-0000-0000-0000-000000000000"
  assignable_scopes = ["/subscriptions/00000000-0000-0000-0000-000000000000"]


  permissions {
    actions     = ["Microsoft.Compute/virtualMachines/start/action", "Microsoft.Compute/virtualMachines/restart/action"]
    not_actions = []
  }
}
