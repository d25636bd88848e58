# The live-fix permissions live on a separate identity, created only on request: Bulwark uses it for an approved
# remediation and nothing else, so without it the deployment can read but never change the subscription.
# The actions are exactly the ARM writes of Bulwark's Azure live fixes (and their undo calls): PATCH of a storage
# account, PATCH of a key vault, PUT of a network security group rule. Reads come from the Reader assignment.

resource "azurerm_user_assigned_identity" "remediation" {
  count = var.enable_remediation ? 1 : 0

  name                = "${var.name}-remediation-id"
  resource_group_name = var.resource_group_name
  location            = var.location
  tags                = local.tags
}

resource "azurerm_role_definition" "remediation" {
  count = var.enable_remediation ? 1 : 0

  name        = "${var.name}-live-fixes"
  scope       = local.subscription_scope
  description = "Write actions of Bulwark's live fixes"

  permissions {
    actions = [
      "Microsoft.Storage/storageAccounts/write",
      "Microsoft.KeyVault/vaults/write",
      "Microsoft.Network/networkSecurityGroups/securityRules/write",
    ]
    not_actions = []
  }

  assignable_scopes = [local.subscription_scope]
}

resource "azurerm_role_assignment" "remediation" {
  count = var.enable_remediation ? 1 : 0

  scope              = local.subscription_scope
  role_definition_id = azurerm_role_definition.remediation[0].role_definition_resource_id
  principal_id       = azurerm_user_assigned_identity.remediation[0].principal_id
  principal_type     = "ServicePrincipal"
}
