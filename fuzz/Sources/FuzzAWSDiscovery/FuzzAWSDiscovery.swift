import AWS
import CFuzzDriver
import Discovery
import Foundation
import FuzzSupport

/// One service's discovery with every response the fuzzed bytes; one request per listing page at most, so an input
/// that always names a next page stays cheap.
func awsDiscovery(_ service: AWSDiscovery.Service, _ body: Data) async {
    let client = AWSClient(
        credentials: StaticCredentialProvider(AWSCredentials(accessKeyID: "AKIDFUZZ", secretAccessKey: "fuzz")),
        region: "us-east-1", environment: ["AWS_ENDPOINT_URL": "http://127.0.0.1:1"],
        transport: FuzzedTransport(body: body), retryPolicy: .none, maxPages: 2)
    _ = try? await AWSDiscovery(client: client, services: [service]).run()
}

/// libFuzzer entry: AWS XML and JSON responses must become resources or typed errors, never a crash or a hang.
/// The first byte picks the service whose discovery reads the rest as every response, so each input exercises one
/// service's decoders and mappings (a whole-account discovery per input ran at about 100 inputs a second).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAWSDiscovery(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let services = AWSDiscovery.Service.allCases
    let service = services[Int(data[0]) % services.count]
    let body = Data(UnsafeBufferPointer(start: data + 1, count: size - 1))
    blocking { await awsDiscovery(service, body) }
    return 0
}

/// The executable's entry point under the name SwiftPM links as `main`.
@_cdecl("FuzzAWSDiscovery_main")
public func fuzzAWSDiscoveryMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in
        guard let data else { return 0 }
        return fuzzAWSDiscovery(data, size)
    }
}
