import Model

/// Subscription-level monitoring and Defender → `data.azurerm_subscription`, `azurerm_monitor_diagnostic_setting`,
/// `azurerm_monitor_log_profile`, `azurerm_security_center_subscription_pricing`.
enum MonitorMapping {
    /// The subscription itself, as the data source checks of the activity log attach to.
    static func subscription(_ id: String) -> LiveResource {
        LiveResource(
            mode: .data, type: "azurerm_subscription", armID: "/subscriptions/\(id)", label: "sub_" + id,
            region: nil, attributes: ["subscription_id": .string(id)])
    }

    /// Maps one diagnostic setting on `targetID` (a subscription or a resource): enabled log categories become
    /// `enabled_log` blocks, as azurerm v4 writes them.
    static func diagnosticSetting(_ o: ARMObject, targetID: String, targetLabel: String) -> LiveResource {
        var a: [String: Value] = [:]
        a.put("name", o.name)
        a.put("target_resource_id", targetID)
        a.put("log_analytics_workspace_id", o.string("properties.workspaceId"))
        a.put("storage_account_id", o.string("properties.storageAccountId"))
        a.put("eventhub_authorization_rule_id", o.string("properties.eventHubAuthorizationRuleId"))
        a.put("eventhub_name", o.string("properties.eventHubName"))
        a["enabled_log"] = .list(
            o.objects("properties.logs").filter { $0.bool("enabled") != false }.map { log in
                var block: [String: Value] = [:]
                block.put("category", log.string("category"))
                block.put("category_group", log.string("categoryGroup"))
                return .object(block)
            })
        a["metric"] = .list(
            o.objects("properties.metrics").map { metric in
                var block: [String: Value] = [:]
                block.put("category", metric.string("category"))
                block.put("enabled", metric.bool("enabled"))
                return .object(block)
            })
        let armID = o.id.isEmpty ? targetID + "/providers/microsoft.insights/diagnosticSettings/" + o.name : o.id
        var draft = LiveResource(
            type: "azurerm_monitor_diagnostic_setting", armID: armID,
            label: targetLabel + "_" + o.name, region: nil, attributes: a)
        draft.link("target_resource_id", to: targetID)
        return draft
    }

    /// The diagnostic settings of `targetID` when they could not be listed: one setting whose logs, metrics and
    /// destinations are unknown, so the checks that look for an audit log say UNKNOWN.
    static func unreadDiagnosticSettings(targetID: String, targetLabel: String) -> LiveResource {
        var draft = LiveResource(
            type: "azurerm_monitor_diagnostic_setting",
            armID: targetID + "/providers/microsoft.insights/diagnosticSettings/not-read", label: targetLabel + "_not-read",
            region: nil,
            attributes: [
                "target_resource_id": .string(targetID), "enabled_log": .unknown, "log": .unknown, "metric": .unknown,
                "log_analytics_workspace_id": .unknown, "storage_account_id": .unknown,
                "eventhub_authorization_rule_id": .unknown,
            ])
        draft.link("target_resource_id", to: targetID)
        return draft
    }

    /// Maps one activity-log profile (the pre-diagnostic-settings export).
    static func logProfile(_ o: ARMObject) -> LiveResource {
        var a: [String: Value] = [:]
        a.put("name", o.name)
        a.put("categories", strings: o.list("properties.categories").compactMap(\.stringValue))
        a.put("locations", strings: o.list("properties.locations").compactMap(\.stringValue))
        a.put("storage_account_id", o.string("properties.storageAccountId"))
        a.put("servicebus_rule_id", o.string("properties.serviceBusRuleId"))
        var retention: [String: Value] = [:]
        retention.put("enabled", o.bool("properties.retentionPolicy.enabled"))
        retention.put("days", o.number("properties.retentionPolicy.days"))
        a["retention_policy"] = .list([.object(retention)])
        return LiveResource(type: "azurerm_monitor_log_profile", armID: o.id, label: o.name, region: nil, attributes: a)
    }

    /// Maps one Defender plan.
    static func pricing(_ o: ARMObject) -> LiveResource {
        var a: [String: Value] = [:]
        a.put("tier", o.string("properties.pricingTier"))
        a.put("resource_type", o.name)
        a.put("subplan", o.string("properties.subPlan"))
        return LiveResource(
            type: "azurerm_security_center_subscription_pricing", armID: o.id, label: o.name,
            region: nil, attributes: a)
    }
}

extension MonitorMapping {
    /// ARM activity-log condition fields → the azurerm `criteria` attribute each one sets.
    static let criteriaFields: [String: String] = [
        "category": "category", "operationname": "operation_name", "resourcetype": "resource_type",
        "resourceprovider": "resource_provider", "resourcegroup": "resource_group", "resourceid": "resource_id",
        "level": "level", "status": "status", "substatus": "sub_status", "caller": "caller",
    ]

    /// Maps one activity log alert: its `allOf` equality conditions become the `criteria` block (an `anyOf` of one
    /// field becomes the plural list azurerm writes), each scope an edge to what it watches.
    static func activityLogAlert(_ o: ARMObject) -> LiveResource {
        var a = o.baseAttributes
        a["location"] = o.location.map { .string($0.lowercased()) }
        a.put("enabled", o.bool("properties.enabled") ?? true)
        a.put("description", o.string("properties.description"))
        let scopes = o.list("properties.scopes").compactMap(\.stringValue)
        a.put("scopes", strings: scopes)
        var criteria: [String: Value] = [:]
        for condition in o.objects("properties.condition.allOf") {
            if let field = condition.string("field"), let name = criteriaFields[field.lowercased()],
                let value = condition.string("equals")
            {
                criteria[name] = .string(value)
            }
            let alternatives = condition.objects("anyOf")
            if let field = alternatives.first?.string("field"), let name = criteriaFields[field.lowercased()] {
                criteria[name + "s"] = .list(alternatives.compactMap { $0.string("equals") }.map(Value.string))
            }
        }
        a["criteria"] = .list([.object(criteria)])
        let groups = o.objects("properties.actions.actionGroups").compactMap { $0.string("actionGroupId") }
        a["action"] = .list(groups.map { .object(["action_group_id": .string($0)]) })
        var draft = LiveResource(
            type: "azurerm_monitor_activity_log_alert", armID: o.id, label: StorageMapping.label(o), region: nil,
            attributes: a)
        for scope in scopes { draft.link("scopes", to: scope) }
        for group in groups { draft.link("action.action_group_id", to: group) }
        return draft
    }
}
