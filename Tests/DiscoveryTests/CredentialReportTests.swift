import AWS
import Discovery
import Foundation
import Model
import TestSupport
import Testing

/// The IAM credential report decides users' MFA and password settings: a report that never becomes COMPLETE, or
/// that cannot be fetched, leaves those settings unknown and says which call on which resource failed.
@Suite("IAM credential report", .serialized)
struct CredentialReportTests {
    static let reportSettings = ["mfa_active", "password_enabled", "password_last_used"]

    /// Discovery of IAM through a proxy to a seeded moto that answers `action` with `response` itself.
    private func discover(
        replacing action: String?, with response: CannedResponse
    ) async throws -> (result: DiscoveryResult, requests: [ReceivedRequest]) {
        let moto = try MotoServer()
        defer { moto.stop() }
        _ = try MotoDiscoveryTests.seed(moto)
        let proxy = try ForwardingProxy(upstream: try #require(URL(string: moto.endpoint))) { request in
            guard let action, request.text.contains("Action=\(action)&") || request.text.hasSuffix("Action=\(action)")
            else { return nil }
            return response
        }
        defer { proxy.stop() }
        var environment = moto.environment()
        environment["AWS_ENDPOINT_URL_IAM"] = proxy.baseURL.absoluteString
        let result = try await AWSDiscovery(client: PartialReadTests.client(environment), services: [.iam]).run()
        return (result, proxy.requests)
    }

    private func user(_ result: DiscoveryResult, _ name: String) throws -> Resource {
        try #require(result.resources.first { $0.address == "aws_iam_user.\(name)" })
    }

    @Test func aReportThatIsReadGivesKnownSettingsAndNothingUnread() async throws {
        let (result, _) = try await discover(replacing: nil, with: CannedResponse(text: ""))
        #expect(result.errors.isEmpty, "\(result.errors)")
        let alice = try user(result, "alice")
        for name in Self.reportSettings {
            #expect(alice.attributes[name]?.isKnown == true, "\(name): \(String(describing: alice.attributes[name]))")
        }
        #expect(!result.unread.contains { $0.type == "aws_iam_user" })
    }

    @Test func aReportNeverCompleteLeavesTheUsersSettingsUnknownWithAnError() async throws {
        let started = CannedResponse(
            headers: [("Content-Type", "text/xml")],
            text: """
                <GenerateCredentialReportResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">\
                <GenerateCredentialReportResult><State>STARTED</State>\
                <Description>No report exists. Starting a new report generation task</Description>\
                </GenerateCredentialReportResult><ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata>\
                </GenerateCredentialReportResponse>
                """)
        let (result, requests) = try await discover(replacing: "GenerateCredentialReport", with: started)

        let generated = requests.filter { $0.text.contains("Action=GenerateCredentialReport") }
        #expect(generated.count == 10)
        #expect(!requests.contains { $0.text.contains("Action=GetCredentialReport") })
        let error = try #require(result.errors.first { $0.operation == "GenerateCredentialReport" })
        #expect(error.service == "iam")
        #expect(error.resource == "credential-report")
        #expect(error.apiCode == "ReportInProgress")
        #expect(error.message.contains("STARTED"))
        #expect(result.isPartial)
        for name in ["alice", "bob"] {
            let found = try user(result, name)
            for setting in Self.reportSettings { #expect(found.attributes[setting] == .unknown, "\(name).\(setting)") }
            // What the other calls read is still known.
            #expect(found.attributes["arn"]?.isKnown == true)
            let placeholder = try #require(result.unread.first { $0.address == "aws_iam_user.\(name)" })
            for setting in Self.reportSettings { #expect(placeholder.attributes[setting] == .unknown) }
        }
    }

    @Test func aDeniedReportLeavesTheUsersSettingsUnknownWithAnError() async throws {
        let denied = CannedResponse(
            status: 403, headers: [("Content-Type", "text/xml")],
            text: """
                <ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type>\
                <Code>AccessDenied</Code><Message>not authorized to perform iam:GetCredentialReport</Message></Error>\
                <RequestId>r2</RequestId></ErrorResponse>
                """)
        let (result, _) = try await discover(replacing: "GetCredentialReport", with: denied)

        let error = try #require(result.errors.first { $0.operation == "GetCredentialReport" })
        #expect(error.code == .accessDenied)
        #expect(error.resource == "credential-report")
        for name in ["alice", "bob"] {
            let found = try user(result, name)
            for setting in Self.reportSettings { #expect(found.attributes[setting] == .unknown, "\(name).\(setting)") }
            #expect(result.unread.contains { $0.address == "aws_iam_user.\(name)" })
        }
    }
}
