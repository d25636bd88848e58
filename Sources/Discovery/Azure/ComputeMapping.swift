import Model

/// Virtual machines → `azurerm_linux_virtual_machine` / `azurerm_windows_virtual_machine`; disks →
/// `azurerm_managed_disk`.
enum ComputeMapping {
    /// Maps one VM; the OS type decides the Terraform type, as the two azurerm resources do.
    static func virtualMachine(_ o: ARMObject) -> LiveResource {
        let windows =
            o.string("properties.storageProfile.osDisk.osType")?.lowercased() == "windows"
            || (o["properties.osProfile.windowsConfiguration"] != nil && o["properties.osProfile.linuxConfiguration"] == nil)
        var a = o.baseAttributes
        a.put("size", o.string("properties.hardwareProfile.vmSize"))
        a.put("admin_username", o.string("properties.osProfile.adminUsername"))
        a.put("computer_name", o.string("properties.osProfile.computerName"))
        if windows {
            a.put("enable_automatic_updates", o.bool("properties.osProfile.windowsConfiguration.enableAutomaticUpdates"))
        } else {
            a.put(
                "disable_password_authentication",
                o.bool("properties.osProfile.linuxConfiguration.disablePasswordAuthentication"))
        }
        a.put("allow_extension_operations", o.bool("properties.osProfile.allowExtensionOperations") ?? true)
        a.put("encryption_at_host_enabled", o.bool("properties.securityProfile.encryptionAtHost") ?? false)
        a.put("secure_boot_enabled", o.bool("properties.securityProfile.uefiSettings.secureBootEnabled") ?? false)
        a.put("vtpm_enabled", o.bool("properties.securityProfile.uefiSettings.vTpmEnabled") ?? false)
        a.put("zone", o.list("zones").first?.stringValue)
        let nics = o.objects("properties.networkProfile.networkInterfaces").compactMap { $0.string("id") }
        a.put("network_interface_ids", strings: nics)
        var disk: [String: Value] = [:]
        disk.put("name", o.string("properties.storageProfile.osDisk.name"))
        disk.put("caching", o.string("properties.storageProfile.osDisk.caching"))
        disk.put("storage_account_type", o.string("properties.storageProfile.osDisk.managedDisk.storageAccountType"))
        disk.put("disk_size_gb", o.number("properties.storageProfile.osDisk.diskSizeGB"))
        let encryptionSet = o.string("properties.storageProfile.osDisk.managedDisk.diskEncryptionSet.id")
        disk.put("disk_encryption_set_id", encryptionSet)
        a["os_disk"] = .list([.object(disk)])
        var draft = LiveResource(
            type: windows ? "azurerm_windows_virtual_machine" : "azurerm_linux_virtual_machine",
            armID: o.id, label: StorageMapping.label(o), region: o.location, attributes: a)
        for nic in nics { draft.link("network_interface_ids", to: nic) }
        return draft
    }

    /// Maps one managed disk.
    static func disk(_ o: ARMObject) -> LiveResource {
        var a = o.baseAttributes
        a.put("storage_account_type", o.string("sku.name"))
        a.put("disk_size_gb", o.number("properties.diskSizeGB"))
        a.put("create_option", o.string("properties.creationData.createOption"))
        a.put("os_type", o.string("properties.osType"))
        let encryptionSet = o.string("properties.encryption.diskEncryptionSetId")
        a.put("disk_encryption_set_id", encryptionSet)
        a.put("public_network_access_enabled", o.string("properties.publicNetworkAccess") != "Disabled")
        a.put("network_access_policy", o.string("properties.networkAccessPolicy"))
        a.put("zone", o.list("zones").first?.stringValue)
        var draft = LiveResource(
            type: "azurerm_managed_disk", armID: o.id, label: StorageMapping.label(o),
            region: o.location, attributes: a)
        draft.link("disk_encryption_set_id", to: encryptionSet)
        return draft
    }
}
