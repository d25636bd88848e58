import Azure
import CFuzzDriver
import CloudHTTP
import Discovery
import Foundation
import FuzzSupport

let subscription = "00000000-0000-0000-0000-000000000000"

/// The subscription-wide lists a whole discovery starts from (`/subscriptions/ID/providers/TYPE`); every per-item
/// read hangs off one of them.
let listedTypes = [
    "Microsoft.Authorization/policyAssignments", "Microsoft.Authorization/roleAssignments",
    "Microsoft.Authorization/roleDefinitions", "Microsoft.Cache/redis", "Microsoft.Compute/disks",
    "Microsoft.Compute/virtualMachines", "Microsoft.ContainerRegistry/registries",
    "Microsoft.ContainerService/managedClusters", "Microsoft.DBforMySQL/flexibleServers",
    "Microsoft.DBforPostgreSQL/flexibleServers", "Microsoft.DocumentDB/databaseAccounts", "Microsoft.EventHub/namespaces",
    "Microsoft.Insights/activityLogAlerts", "Microsoft.Insights/diagnosticSettings", "Microsoft.Insights/logprofiles",
    "Microsoft.KeyVault/vaults", "Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies",
    "Microsoft.Network/FrontDoorWebApplicationFirewallPolicies", "Microsoft.Network/applicationGateways",
    "Microsoft.Network/frontDoors", "Microsoft.Network/networkInterfaces", "Microsoft.Network/networkSecurityGroups",
    "Microsoft.Network/networkWatchers", "Microsoft.Network/publicIPAddresses", "Microsoft.Network/virtualNetworks",
    "Microsoft.Security/autoProvisioningSettings", "Microsoft.Security/pricings", "Microsoft.Security/securityContacts",
    "Microsoft.Security/settings", "Microsoft.ServiceBus/namespaces", "Microsoft.Sql/servers",
    "Microsoft.Storage/storageAccounts", "Microsoft.Web/sites",
]

/// Answers one subscription-wide list (and every read that is not such a list: per-item reads, next pages) with
/// the fuzzed bytes and every other list with an empty page, so one input costs one resource type's reads instead
/// of a whole subscription's. With no type (`only == nil`) every request gets the fuzzed bytes, so a list not named
/// above is still fuzzed.
struct OneListTransport: HTTPTransport {
    let fuzzed: FuzzedTransport
    let only: String?

    static let listPrefix = "/subscriptions/\(subscription)/providers/"
    static let emptyPage = Data(#"{"value":[]}"#.utf8)

    func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        let path = request.url.path
        if let only, path.hasPrefix(Self.listPrefix), path.dropFirst(Self.listPrefix.count) != only[...] {
            return HTTPResponse(status: 200, headers: [("Content-Type", "application/json")], body: Self.emptyPage)
        }
        return try await fuzzed.send(request, timeout: timeout)
    }
}

/// A subscription's discovery with every ARM response of `only`'s list the fuzzed bytes; two pages per listing at
/// most.
func azureDiscovery(_ body: Data, only: String?) async {
    guard let authority = URL(string: "http://127.0.0.1:1"), let manager = URL(string: "http://127.0.0.1:2") else { return }
    let configuration = AzureConfiguration(
        tenantID: "tenant", clientID: "client", clientSecret: AzureSecret("fuzz"),
        authorityHost: authority, resourceManagerEndpoint: manager, subscriptionID: subscription)
    let transport = OneListTransport(fuzzed: FuzzedTransport(body: body), only: only)
    let client = ARMClient(configuration: configuration, transport: transport, retry: .none, maxPages: 2)
    _ = await AzureDiscovery(client: client, subscriptionID: subscription, fanOutWidth: 1).discover()
}

/// libFuzzer entry: ARM JSON responses must become resources or typed errors, never a crash or a hang.
/// The first byte picks the resource type whose list (and per-item reads) get the rest as every response, or, when
/// it is 0xFF, every request does: a whole-subscription discovery costs about 30 one-list inputs, so at one input in
/// 34 it was most of the run's time; one in 256 still fuzzes a list added later without naming it here.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAzureDiscovery(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let only = data[0] == 0xFF ? nil : listedTypes[Int(data[0]) % listedTypes.count]
    let body = Data(UnsafeBufferPointer(start: data + 1, count: size - 1))
    blocking { await azureDiscovery(body, only: only) }
    return 0
}

/// The executable's entry point under the name SwiftPM links as `main`.
@_cdecl("FuzzAzureDiscovery_main")
public func fuzzAzureDiscoveryMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in
        guard let data else { return 0 }
        return fuzzAzureDiscovery(data, size)
    }
}
