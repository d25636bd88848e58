import Azure
import CFuzzDriver
import Discovery
import Foundation
import FuzzSupport

/// A whole subscription's discovery with every ARM response the fuzzed bytes; two pages per listing at most.
func azureDiscovery(_ body: Data) async {
    guard let authority = URL(string: "http://127.0.0.1:1"), let manager = URL(string: "http://127.0.0.1:2") else { return }
    let configuration = AzureConfiguration(
        tenantID: "tenant", clientID: "client", clientSecret: AzureSecret("fuzz"),
        authorityHost: authority, resourceManagerEndpoint: manager,
        subscriptionID: "00000000-0000-0000-0000-000000000000")
    let client = ARMClient(configuration: configuration, transport: FuzzedTransport(body: body), retry: .none, maxPages: 2)
    _ = await AzureDiscovery(client: client, subscriptionID: "00000000-0000-0000-0000-000000000000", fanOutWidth: 1).discover()
}

/// libFuzzer entry: ARM JSON responses must become resources or typed errors, never a crash or a hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAzureDiscovery(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let body = Data(UnsafeBufferPointer(start: data, count: size))
    blocking { await azureDiscovery(body) }
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
