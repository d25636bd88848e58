import Model

/// Defender for Cloud subscription settings → `azurerm_security_center_contact`,
/// `azurerm_security_center_auto_provisioning` and `azurerm_security_center_setting`.
enum DefenderMapping {
    /// Maps one security contact (2020-01-01-preview shape: `emails`, `alertNotifications`, `notificationsByRole`).
    static func contact(_ o: ARMObject) -> LiveResource {
        var a: [String: Value] = [:]
        a.put("name", o.name)
        a.put("email", o.string("properties.emails"))
        a.put("phone", o.string("properties.phone"))
        a.put("alert_notifications", o.string("properties.alertNotifications.state") == "On")
        a.put("alerts_to_admins", o.string("properties.notificationsByRole.state") == "On")
        return LiveResource(
            type: "azurerm_security_center_contact", armID: o.id, label: o.name, region: nil, attributes: a)
    }

    /// Maps one auto-provisioning setting (`default`: the Log Analytics agent).
    static func autoProvisioning(_ o: ARMObject) -> LiveResource {
        var a: [String: Value] = [:]
        a.put("auto_provision", o.string("properties.autoProvision"))
        return LiveResource(
            type: "azurerm_security_center_auto_provisioning", armID: o.id, label: o.name, region: nil, attributes: a)
    }

    /// Maps one data-export setting (`MCAS`, `WDATP`, `Sentinel`); alert-sync settings have no azurerm resource.
    static func setting(_ o: ARMObject) -> LiveResource? {
        guard o.string("kind") != "AlertSyncSettings" else { return nil }
        var a: [String: Value] = [:]
        a.put("setting_name", o.name)
        a.put("enabled", o.bool("properties.enabled"))
        return LiveResource(
            type: "azurerm_security_center_setting", armID: o.id, label: o.name, region: nil, attributes: a)
    }
}
