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
