import CloudHTTP
import Foundation

/// Answers every request with the fuzzed bytes (status 200), except Entra ID's token request, which gets a token,
/// and IAM's `GenerateCredentialReport`, which says the report is ready: every decoder behind discovery then reads
/// hostile input. Discovery polls that report with growing sleeps (9 s in all) until it is `COMPLETE`, as AWS
/// needs seconds to build it; a fuzzed answer never says so, and every AWS input would sleep 11 s.
public struct FuzzedTransport: HTTPTransport {
    let body: Data

    static let credentialReportRequest = Data("Action=GenerateCredentialReport".utf8)
    static let credentialReportReady = Data(
        """
        <GenerateCredentialReportResponse><GenerateCredentialReportResult><State>COMPLETE</State>\
        </GenerateCredentialReportResult></GenerateCredentialReportResponse>
        """.utf8)

    /// A transport that answers with `body`.
    public init(body: Data) { self.body = body }

    /// The fuzzed answer, or the token / ready report described above.
    public func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
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
public func blocking(_ body: @escaping @Sendable () async -> Void) {
    let done = DispatchSemaphore(value: 0)
    Task {
        await body()
        done.signal()
    }
    done.wait()
}
