import Model

/// Application gateways, their WAF policies, Front Door (classic) and Front Door WAF policies →
/// `azurerm_application_gateway`, `azurerm_web_application_firewall_policy`, `azurerm_frontdoor`,
/// `azurerm_frontdoor_firewall_policy` / `azurerm_cdn_frontdoor_firewall_policy`.
enum WebFirewallMapping {
    /// Maps one application gateway.
    static func applicationGateway(_ o: ARMObject) -> LiveResource {
        var a = o.baseAttributes
        var sku: [String: Value] = [:]
        sku.put("name", o.string("properties.sku.name"))
        sku.put("tier", o.string("properties.sku.tier"))
        sku.put("capacity", o.number("properties.sku.capacity"))
        a["sku"] = .list([.object(sku)])
        a["http_listener"] = .list(
            o.objects("properties.httpListeners").map { l in
                var listener: [String: Value] = [:]
                listener.put("name", l.name)
                listener.put("protocol", l.string("properties.protocol"))
                listener.put("host_name", l.string("properties.hostName"))
                return .object(listener)
            })
        if o["properties.sslPolicy"] != nil {
            var policy: [String: Value] = [:]
            policy.put("policy_type", o.string("properties.sslPolicy.policyType"))
            policy.put("policy_name", o.string("properties.sslPolicy.policyName"))
            policy.put("min_protocol_version", o.string("properties.sslPolicy.minProtocolVersion"))
            policy.put("cipher_suites", strings: o.list("properties.sslPolicy.cipherSuites").compactMap(\.stringValue))
            a["ssl_policy"] = .list([.object(policy)])
        }
        if o["properties.webApplicationFirewallConfiguration"] != nil {
            let w = "properties.webApplicationFirewallConfiguration"
            var waf: [String: Value] = [:]
            waf.put("enabled", o.bool(w + ".enabled"))
            waf.put("firewall_mode", o.string(w + ".firewallMode"))
            waf.put("rule_set_type", o.string(w + ".ruleSetType"))
            waf.put("rule_set_version", o.string(w + ".ruleSetVersion"))
            a["waf_configuration"] = .list([.object(waf)])
        }
        let policy = o.string("properties.firewallPolicy.id")
        a.put("firewall_policy_id", policy)
        var draft = LiveResource(
            type: "azurerm_application_gateway", armID: o.id, label: StorageMapping.label(o), region: o.location,
            attributes: a)
        draft.link("firewall_policy_id", to: policy)
        return draft
    }

    /// Maps one Application Gateway WAF policy.
    static func applicationGatewayPolicy(_ o: ARMObject) -> LiveResource {
        var a = o.baseAttributes
        var settings: [String: Value] = [:]
        settings.put("enabled", o.string("properties.policySettings.state").map { $0 == "Enabled" })
        settings.put("mode", o.string("properties.policySettings.mode"))
        settings.put("request_body_check", o.bool("properties.policySettings.requestBodyCheck"))
        a["policy_settings"] = .list([.object(settings)])
        a["managed_rules"] = .list([
            .object([
                "managed_rule_set": .list(
                    o.objects("properties.managedRules.managedRuleSets").map { set in
                        var rules: [String: Value] = [:]
                        rules.put("type", set.string("ruleSetType"))
                        rules.put("version", set.string("ruleSetVersion"))
                        return .object(rules)
                    })
            ])
        ])
        return LiveResource(
            type: "azurerm_web_application_firewall_policy", armID: o.id, label: StorageMapping.label(o),
            region: o.location, attributes: a)
    }

    /// Maps one classic Front Door; each frontend endpoint keeps the WAF policy it links.
    static func frontDoor(_ o: ARMObject) -> LiveResource {
        var a = o.baseAttributes
        a["location"] = nil
        a["frontend_endpoint"] = .list(
            o.objects("properties.frontendEndpoints").map { e in
                var endpoint: [String: Value] = [:]
                endpoint.put("name", e.name)
                endpoint.put("host_name", e.string("properties.hostName"))
                endpoint.put(
                    "web_application_firewall_policy_link_id", e.string("properties.webApplicationFirewallPolicyLink.id"))
                return .object(endpoint)
            })
        return LiveResource(
            type: "azurerm_frontdoor", armID: o.id, label: StorageMapping.label(o), region: nil, attributes: a)
    }

    /// Maps one Front Door WAF policy: the classic SKU is `azurerm_frontdoor_firewall_policy`, Standard and Premium
    /// are `azurerm_cdn_frontdoor_firewall_policy`, as azurerm splits them.
    static func frontDoorPolicy(_ o: ARMObject) -> LiveResource {
        var a = o.baseAttributes
        a["location"] = nil
        let sku = o.string("sku.name")
        a.put("sku_name", sku.flatMap { $0.hasPrefix("Classic") ? nil : $0 })
        a.put("enabled", o.string("properties.policySettings.enabledState").map { $0 == "Enabled" })
        a.put("mode", o.string("properties.policySettings.mode"))
        let classic = sku == nil || sku?.hasPrefix("Classic") == true
        return LiveResource(
            type: classic ? "azurerm_frontdoor_firewall_policy" : "azurerm_cdn_frontdoor_firewall_policy",
            armID: o.id, label: StorageMapping.label(o), region: nil, attributes: a)
    }
}
