import Model

/// Microsoft Entra ID tenant settings read through Microsoft Graph → `data.azuread_tenant` (a live-only anchor: the tenant the
/// checks anchor on), `azuread_conditional_access_policy` (azuread's own vocabulary), and two settings azuread has
/// no resource for, named after their Graph objects with the Graph properties in snake case:
/// `azuread_security_defaults_policy` (`identitySecurityDefaultsEnforcementPolicy`) and
/// `azuread_authorization_policy` (`authorizationPolicy`).
enum EntraMapping {
    /// The key of the tenant anchor every tenant setting links to.
    static func tenantKey(_ tenant: String) -> String { "/tenants/" + tenant }

    /// The tenant itself, as the data source tenant-wide checks are evaluated on.
    static func tenant(_ tenant: String) -> LiveResource {
        LiveResource(
            mode: .data, type: "azuread_tenant", id: tenantKey(tenant), name: "tenant_" + tenant,
            originID: tenantKey(tenant), region: nil, attributes: ["tenant_id": .string(tenant)])
    }

    /// Maps `policies/identitySecurityDefaultsEnforcementPolicy`.
    static func securityDefaults(_ o: ARMObject, tenant: String) -> LiveResource {
        var a: [String: Value] = [:]
        a.put("display_name", o.string("displayName"))
        a.put("enabled", o.bool("isEnabled"))
        return anchored(
            LiveResource(
                type: "azuread_security_defaults_policy", id: tenantKey(tenant) + "/securityDefaults",
                name: "tenant_" + tenant, originID: "policies/identitySecurityDefaultsEnforcementPolicy", region: nil,
                attributes: a), tenant: tenant)
    }

    /// Maps `policies/authorizationPolicy`: guest access and invitations, and what default users may create.
    static func authorizationPolicy(_ o: ARMObject, tenant: String) -> LiveResource {
        var a: [String: Value] = [:]
        a.put("allow_invites_from", o.string("allowInvitesFrom"))
        a.put("allowed_to_sign_up_email_based_subscriptions", o.bool("allowedToSignUpEmailBasedSubscriptions"))
        a.put("allowed_to_use_sspr", o.bool("allowedToUseSSPR"))
        a.put("allow_email_verified_users_to_join_organization", o.bool("allowEmailVerifiedUsersToJoinOrganization"))
        a.put("block_msol_powershell", o.bool("blockMsolPowerShell"))
        a.put("guest_user_role_id", o.string("guestUserRoleId"))
        var defaults: [String: Value] = [:]
        for (graph, terraform) in [
            ("allowedToCreateApps", "allowed_to_create_applications"),
            ("allowedToCreateSecurityGroups", "allowed_to_create_security_groups"),
            ("allowedToCreateTenants", "allowed_to_create_tenants"),
            ("allowedToReadOtherUsers", "allowed_to_read_other_users"),
            ("allowedToReadBitlockerKeysForOwnedDevice", "allowed_to_read_bitlocker_keys_for_owned_device"),
        ] {
            defaults.put(terraform, o.bool("defaultUserRolePermissions." + graph))
        }
        a["default_user_role_permissions"] = .list([.object(defaults)])
        return anchored(
            LiveResource(
                type: "azuread_authorization_policy", id: tenantKey(tenant) + "/authorizationPolicy",
                name: "tenant_" + tenant, originID: "policies/authorizationPolicy", region: nil, attributes: a),
            tenant: tenant)
    }

    /// Maps one conditional access policy into azuread's `azuread_conditional_access_policy` blocks.
    static func conditionalAccessPolicy(_ o: ARMObject, tenant: String) -> LiveResource {
        var a: [String: Value] = [:]
        a.put("display_name", o.string("displayName"))
        a.put("state", o.string("state"))
        func strings(_ path: String) -> Value { .list(o.list(path).compactMap(\.stringValue).map(Value.string)) }
        var users: [String: Value] = [:]
        for (graph, terraform) in [
            ("includeUsers", "included_users"), ("excludeUsers", "excluded_users"), ("includeGroups", "included_groups"),
            ("excludeGroups", "excluded_groups"), ("includeRoles", "included_roles"), ("excludeRoles", "excluded_roles"),
        ] {
            users[terraform] = strings("conditions.users." + graph)
        }
        var applications: [String: Value] = [:]
        applications["included_applications"] = strings("conditions.applications.includeApplications")
        applications["excluded_applications"] = strings("conditions.applications.excludeApplications")
        applications["included_user_actions"] = strings("conditions.applications.includeUserActions")
        var conditions: [String: Value] = [
            "users": .list([.object(users)]), "applications": .list([.object(applications)]),
            "client_app_types": strings("conditions.clientAppTypes"),
            "sign_in_risk_levels": strings("conditions.signInRiskLevels"),
            "user_risk_levels": strings("conditions.userRiskLevels"),
        ]
        if o["conditions.locations"] != nil {
            conditions["locations"] = .list([
                .object([
                    "included_locations": strings("conditions.locations.includeLocations"),
                    "excluded_locations": strings("conditions.locations.excludeLocations"),
                ])
            ])
        }
        a["conditions"] = .list([.object(conditions)])
        if o["grantControls"] != nil {
            var grant: [String: Value] = ["built_in_controls": strings("grantControls.builtInControls")]
            grant.put("operator", o.string("grantControls.operator"))
            grant.put("authentication_strength_policy_id", o.string("grantControls.authenticationStrength.id"))
            a["grant_controls"] = .list([.object(grant)])
        }
        let id = o.string("id") ?? ""
        return anchored(
            LiveResource(
                type: "azuread_conditional_access_policy", id: id,
                name: o.string("displayName") ?? id, originID: "identity/conditionalAccess/policies/" + id, region: nil,
                attributes: a.merging(["id": .string(id)]) { first, _ in first }), tenant: tenant)
    }

    /// `draft` with an edge to the tenant anchor, so tenant-wide checks find it as an incoming connection.
    private static func anchored(_ draft: LiveResource, tenant: String) -> LiveResource {
        var draft = draft
        draft.edges.append(LiveResource.Edge(attribute: "tenant", type: "azuread_tenant", id: tenantKey(tenant)))
        return draft
    }
}
