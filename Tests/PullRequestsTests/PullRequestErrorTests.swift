import CloudHTTP
import Foundation
import PullRequests
import TestSupport
import Testing

/// A failed host call keeps the transport's error as its cause and records where it was raised.
@Suite struct PullRequestErrorTests {
    @Test func aTransportFailureKeepsTheHTTPErrorAsItsCause() async throws {
        let port = try MotoServer.freePort()
        let github = try GitHubClient(
            repository: "acme/infra", token: "ghp_x", apiURL: "http://127.0.0.1:\(port)",
            retry: RetryPolicy(maxAttempts: 1))
        do {
            _ = try await github.get(number: 1)
            Issue.record("a dead host must fail")
        } catch {
            #expect(error.code == .transport)
            #expect((error.underlying as? HTTPError)?.code == .connection)
            #expect(error.file.hasSuffix("HostAPI.swift"))
            #expect(!error.description.contains("ghp_x"))
        }
    }

    @Test func codesHaveOneSnakeCaseSpelling() {
        #expect(PullRequestError.Code.rateLimited.rawValue == "rate_limited")
        #expect(PullRequestError.Code.malformedResponse.description == "malformed_response")
    }
}
