import Model

/// Azure RBAC and Policy → `azurerm_role_assignment`, `azurerm_role_definition` and the four
/// `azurerm_*_policy_assignment` resources (chosen by the assignment's scope, as azurerm splits them).
enum AuthorizationMapping {
    /// Maps one role assignment.
    static func roleAssignment(_ o: ARMObject) -> LiveResource {
        var a: [String: Value] = [:]
        a.put("name", o.name)
        a.put("scope", o.string("properties.scope"))
        a.put("role_definition_id", o.string("properties.roleDefinitionId"))
        a.put("principal_id", o.string("properties.principalId"))
        a.put("principal_type", o.string("properties.principalType"))
        a.put("description", o.string("properties.description"))
        a.put("condition", o.string("properties.condition"))
        a.put("condition_version", o.string("properties.conditionVersion"))
        var draft = LiveResource(
            type: "azurerm_role_assignment", armID: o.id, label: o.name, region: nil, attributes: a)
        draft.link("role_definition_id", to: o.string("properties.roleDefinitionId"))
        return draft
    }

    /// Maps one custom role definition; built-in roles are not Terraform-managed and are filtered out by the list.
    static func roleDefinition(_ o: ARMObject) -> LiveResource {
        var a: [String: Value] = [:]
        let scopes = o.list("properties.assignableScopes").compactMap(\.stringValue)
        a.put("name", o.string("properties.roleName"))
        a.put("role_definition_id", o.name)
        a.put("role_definition_resource_id", o.id)
        a.put("scope", scopes.first)
        a.put("description", o.string("properties.description"))
        a.put("assignable_scopes", strings: scopes)
        a["permissions"] = .list(
            o.objects("properties.permissions").map { p in
                var block: [String: Value] = [:]
                for (arm, terraform) in [
                    ("actions", "actions"), ("notActions", "not_actions"), ("dataActions", "data_actions"),
                    ("notDataActions", "not_data_actions"),
                ] {
                    block[terraform] = .list(p.list(arm).compactMap(\.stringValue).map(Value.string))
                }
                return .object(block)
            })
        return LiveResource(
            type: "azurerm_role_definition", armID: o.id, label: o.string("properties.roleName") ?? o.name, region: nil,
            attributes: a)
    }

    /// The azurerm policy assignment type for an assignment at `scope`.
    static func policyAssignmentType(scope: String) -> String {
        let parts = scope.lowercased().split(separator: "/")
        if parts.contains("managementgroups") { return "azurerm_management_group_policy_assignment" }
        if parts.contains("providers") { return "azurerm_resource_policy_assignment" }
        if parts.contains("resourcegroups") { return "azurerm_resource_group_policy_assignment" }
        return "azurerm_subscription_policy_assignment"
    }

    /// Maps one policy assignment; its scope attribute is named as the matching azurerm resource names it.
    static func policyAssignment(_ o: ARMObject) -> LiveResource {
        let scope = o.string("properties.scope") ?? ""
        let type = policyAssignmentType(scope: scope)
        var a: [String: Value] = [:]
        a.put("name", o.name)
        a.put("display_name", o.string("properties.displayName"))
        a.put("description", o.string("properties.description"))
        a.put("policy_definition_id", o.string("properties.policyDefinitionId"))
        a.put("enforce", o.string("properties.enforcementMode").map { $0 != "DoNotEnforce" } ?? true)
        a.put("not_scopes", strings: o.list("properties.notScopes").compactMap(\.stringValue))
        a.put("location", o.location)
        let scopeAttribute: String
        switch type {
        case "azurerm_management_group_policy_assignment": scopeAttribute = "management_group_id"
        case "azurerm_resource_policy_assignment": scopeAttribute = "resource_id"
        case "azurerm_resource_group_policy_assignment": scopeAttribute = "resource_group_id"
        default: scopeAttribute = "subscription_id"
        }
        a.put(scopeAttribute, scope)
        var draft = LiveResource(type: type, armID: o.id, label: o.name, region: nil, attributes: a)
        draft.link(scopeAttribute, to: scope)
        return draft
    }
}
