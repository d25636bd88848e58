/// Stratus Red Team's Azure techniques, and the Activity Log operations GuardDuty-like families name on Azure
/// (role assignments, storage account keys, diagnostic settings, locks).
extension StratusTechnique {
    static let vm =
        "/subscriptions/00000000-0000-0000-0000-000000000001/resourcegroups/prod/providers/microsoft.compute/virtualmachines/web-01"
    static let storageAccounts =
        "/subscriptions/00000000-0000-0000-0000-000000000001/resourcegroups/prod/providers/microsoft.storage/storageaccounts/"

    static func op(_ operation: String, count: Int = 1, error: String? = nil, resource: String? = nil) -> Step {
        var step = Step(
            event: operation, service: String(operation.split(separator: "/").first ?? ""), readOnly: operation.hasSuffix("/read"),
            count: count, errorCode: error)
        step.resource = resource
        return step
    }

    static let azureTechniques: [StratusTechnique] = [
        azure(
            "azure.execution.vm-custom-script-extension", "ops@contoso.com",
            [
                op("microsoft.compute/virtualmachines/read", resource: vm),
                op(
                    "microsoft.compute/virtualmachines/extensions/write", resource: vm + "/extensions/customscriptextension-stratus-example"
                ),
            ]),
        azure(
            "azure.execution.vm-run-command", "ops@contoso.com",
            [
                op("microsoft.compute/virtualmachines/read", resource: vm),
                op("microsoft.compute/virtualmachines/runcommand/action", resource: vm),
            ]),
        azure(
            "azure.exfiltration.disk-export", "5f1c7a2e-9d4b-4c1e-8a57-3b2d6e9f0a11", kind: .role,
            [
                op(
                    "microsoft.compute/disks/read", resource: vm.replacingOccurrences(of: "virtualmachines/web-01", with: "disks/web-01-os")
                ),
                op(
                    "microsoft.compute/disks/begingetaccess/action",
                    resource: vm.replacingOccurrences(of: "virtualmachines/web-01", with: "disks/web-01-os")),
            ]),
        azure(
            "azure.persistence.create-bastion-shareable-link", "ops@contoso.com",
            [
                op(
                    "microsoft.network/bastionhosts/createshareablelinks/action",
                    resource: vm.replacingOccurrences(
                        of: "microsoft.compute/virtualmachines/web-01", with: "microsoft.network/bastionhosts/bastion"))
            ]),
        azure("bulwark.azure.privilege-escalation.elevate-access", "ops@contoso.com", [op("microsoft.authorization/elevateaccess/action")]),
        azure("bulwark.azure.persistence.role-assignment", "ops@contoso.com", [op("microsoft.authorization/roleassignments/write")]),
        azure(
            "bulwark.azure.credential-access.storage-account-keys", "ops@contoso.com",
            (0..<4).map { op("microsoft.storage/storageaccounts/listkeys/action", resource: storageAccounts + "data\($0)") }),
        azure(
            "bulwark.azure.defense-evasion.diagnostic-settings-deleted", "ops@contoso.com",
            [op("microsoft.insights/diagnosticsettings/delete", resource: vm)]),
        azure("bulwark.azure.impact.resource-lock-deleted", "ops@contoso.com", [op("microsoft.authorization/locks/delete")]),
        azure(
            "bulwark.azure.discovery.authorization-failures", "5f1c7a2e-9d4b-4c1e-8a57-3b2d6e9f0a11", kind: .role,
            [
                "microsoft.compute/virtualmachines/read", "microsoft.storage/storageaccounts/listkeys/action",
                "microsoft.keyvault/vaults/read",
                "microsoft.authorization/roleassignments/write", "microsoft.network/networksecuritygroups/read",
                "microsoft.sql/servers/read",
                "microsoft.web/sites/read", "microsoft.compute/disks/read",
            ].map { op($0, error: "AuthorizationFailed") }),
    ]
}
