import AWS
import Azure
import CFuzzDriver
import CloudHTTP
import Discovery
import Foundation

/// Answers every request with the fuzzed bytes (status 200), except Entra ID's token request, which gets a token,
/// and IAM's `GenerateCredentialReport`, which says the report is ready: every decoder behind discovery then reads
/// hostile input. Discovery polls that report with growing sleeps (9 s in all) until it is `COMPLETE`, as AWS
/// needs seconds to build it; a fuzzed answer never says so, and every AWS input would sleep 11 s.
struct FuzzedTransport: HTTPTransport {
    let body: Data

    static let credentialReportRequest = Data("Action=GenerateCredentialReport".utf8)
    static let credentialReportReady = Data(
        """
        <GenerateCredentialReportResponse><GenerateCredentialReportResult><State>COMPLETE</State>\
        </GenerateCredentialReportResult></GenerateCredentialReportResponse>
        """.utf8)

    func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        if request.url.path.hasSuffix("/oauth2/v2.0/token") {
            return HTTPResponse(
                status: 200, headers: [("Content-Type", "application/json")],
                body: Data(#"{"access_token":"fuzz","expires_in":3600,"token_type":"Bearer"}"#.utf8))
        }
        if request.body.range(of: Self.credentialReportRequest) != nil {
            return HTTPResponse(status: 200, headers: [("Content-Type", "text/xml")], body: Self.credentialReportReady)
        }
        return HTTPResponse(status: 200, headers: [("Content-Type", "application/xml")], body: body)
    }
}

/// Waits for an async body from libFuzzer's synchronous callback.
func blocking(_ body: @escaping @Sendable () async -> Void) {
    let done = DispatchSemaphore(value: 0)
    Task {
        await body()
        done.signal()
    }
    done.wait()
}

/// One request per service page at most, so an input that always names a next page stays cheap.
func awsDiscovery(_ body: Data) async {
    let client = AWSClient(
        credentials: StaticCredentialProvider(AWSCredentials(accessKeyID: "AKIDFUZZ", secretAccessKey: "fuzz")),
        region: "us-east-1", environment: ["AWS_ENDPOINT_URL": "http://127.0.0.1:1"],
        transport: FuzzedTransport(body: body), retryPolicy: .none, maxPages: 2)
    _ = try? await AWSDiscovery(client: client).run()
}

func azureDiscovery(_ body: Data) async {
    let configuration = AzureConfiguration(
        tenantID: "tenant", clientID: "client", clientSecret: AzureSecret("fuzz"),
        authorityHost: URL(string: "http://127.0.0.1:1")!, resourceManagerEndpoint: URL(string: "http://127.0.0.1:2")!,
        subscriptionID: "00000000-0000-0000-0000-000000000000")
    let client = ARMClient(configuration: configuration, transport: FuzzedTransport(body: body), retry: .none, maxPages: 2)
    _ = await AzureDiscovery(client: client, subscriptionID: "00000000-0000-0000-0000-000000000000", fanOutWidth: 1).discover()
}

/// libFuzzer entry: AWS XML and JSON responses and ARM JSON responses must become resources or typed errors,
/// never a crash or a hang. The first byte picks the reader: the XML parser, the JSON body decoder, the whole
/// AWS discovery or the whole Azure discovery fed the rest as every response.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCloudResponses(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let body = Data(UnsafeBufferPointer(start: data + 1, count: size - 1))
    switch data[0] % 4 {
    case 0: _ = try? XMLNode.parse(body)
    case 1: _ = try? JSONBody.decode(body)
    case 2: blocking { await awsDiscovery(body) }
    default: blocking { await azureDiscovery(body) }
    }
    return 0
}

/// The executable's entry point under the name SwiftPM links as `main`.
@_cdecl("FuzzCloudResponses_main")
public func fuzzCloudResponsesMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in
        guard let data else { return 0 }
        return fuzzCloudResponses(data, size)
    }
}
