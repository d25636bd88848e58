import AWS
import CloudHTTP
import Foundation
import TestSupport
import Testing

/// STS AssumeRole as a credential provider: the parameters sent, the cache, one call for concurrent callers, and
/// errors that name the role and never a credential.
@Suite("AssumedRoleCredentialProvider")
struct AssumedRoleProviderTests {
    static let source = AWSCredentials(accessKeyID: "AKIASOURCE", secretAccessKey: "SOURCE-SECRET-VALUE")

    /// An STS fake answering AssumeRole with credentials expiring `lifetime` seconds from now.
    static func sts(lifetime: TimeInterval = 3600) throws -> LoopbackHTTPServer {
        try LoopbackHTTPServer { _ in
            let expiration = ISO8601DateFormatter().string(from: Date().addingTimeInterval(lifetime))
            return CannedResponse(
                text: """
                    <AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>ASIAMEMBER</AccessKeyId>
                    <SecretAccessKey>MEMBER-SECRET-VALUE</SecretAccessKey><SessionToken>MEMBER-TOKEN-VALUE</SessionToken>
                    <Expiration>\(expiration)</Expiration></Credentials></AssumeRoleResult></AssumeRoleResponse>
                    """)
        }
    }

    static func form(_ request: ReceivedRequest) -> [String: String] {
        var out: [String: String] = [:]
        for pair in request.text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
            if parts.count == 2 { out[parts[0]] = parts[1] }
        }
        return out
    }

    @Test func sendsTheRoleSessionExternalIdAndDurationSignedWithTheSource() async throws {
        let server = try Self.sts()
        defer { server.stop() }
        let provider = AssumedRoleCredentialProvider(
            roleARN: "arn:aws:iam::111111111111:role/audit", source: StaticCredentialProvider(Self.source),
            sessionName: "bulwark-prod estate", externalID: "ext-1234", durationSeconds: 1800,
            environment: ["AWS_ENDPOINT_URL_STS": server.baseURL.absoluteString])
        let creds = try await provider.credentials()
        #expect(creds.accessKeyID == "ASIAMEMBER")
        #expect(creds.sessionToken == "MEMBER-TOKEN-VALUE")
        let request = try #require(server.requests.first)
        let form = Self.form(request)
        #expect(form["Action"] == "AssumeRole")
        #expect(form["RoleArn"] == "arn:aws:iam::111111111111:role/audit")
        // A space is not allowed in a session name: it is replaced, so STS does not refuse the call.
        #expect(form["RoleSessionName"] == "bulwark-prod-estate")
        #expect(form["ExternalId"] == "ext-1234")
        #expect(form["DurationSeconds"] == "1800")
        #expect(request.header("Authorization")?.contains("Credential=AKIASOURCE/") == true)
        #expect(!"\(provider)".contains("ext-1234"))
    }

    @Test func withoutAnExternalIdNoneIsSent() async throws {
        let server = try Self.sts()
        defer { server.stop() }
        let provider = AssumedRoleCredentialProvider(
            roleARN: "arn:aws:iam::111111111111:role/audit", source: StaticCredentialProvider(Self.source),
            environment: ["AWS_ENDPOINT_URL_STS": server.baseURL.absoluteString])
        _ = try await provider.credentials()
        let form = Self.form(try #require(server.requests.first))
        #expect(form["ExternalId"] == nil)
        #expect(form["DurationSeconds"] == nil)
    }

    @Test func concurrentCallersShareOneCallAndTheAnswerIsCachedUntilNearExpiry() async throws {
        let server = try Self.sts(lifetime: 3600)
        defer { server.stop() }
        let provider = AssumedRoleCredentialProvider(
            roleARN: "arn:aws:iam::111111111111:role/audit", source: StaticCredentialProvider(Self.source),
            environment: ["AWS_ENDPOINT_URL_STS": server.baseURL.absoluteString])
        let burst = try await withThrowingTaskGroup(of: AWSCredentials.self) { group in
            for _ in 0..<10 { group.addTask { try await provider.credentials() } }
            var all: [AWSCredentials] = []
            for try await creds in group { all.append(creds) }
            return all
        }
        #expect(Set(burst).count == 1)
        _ = try await provider.credentials()
        #expect(server.requests.count == 1)

        // Credentials within five minutes of expiry are assumed again on every use.
        let short = try Self.sts(lifetime: 120)
        defer { short.stop() }
        let expiring = AssumedRoleCredentialProvider(
            roleARN: "arn:aws:iam::111111111111:role/audit", source: StaticCredentialProvider(Self.source),
            environment: ["AWS_ENDPOINT_URL_STS": short.baseURL.absoluteString])
        _ = try await expiring.credentials()
        _ = try await expiring.credentials()
        #expect(short.requests.count == 2)
    }

    @Test func aRefusedRoleIsAnErrorNamingTheRoleAndNoCredential() async throws {
        let server = try LoopbackHTTPServer { _ in
            CannedResponse(
                status: 403,
                text: """
                    <ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User is not authorized \
                    to perform: sts:AssumeRole</Message></Error><RequestId>r-1</RequestId></ErrorResponse>
                    """)
        }
        defer { server.stop() }
        let provider = AssumedRoleCredentialProvider(
            roleARN: "arn:aws:iam::222222222222:role/denied", source: StaticCredentialProvider(Self.source),
            externalID: "ext-secretish", environment: ["AWS_ENDPOINT_URL_STS": server.baseURL.absoluteString])
        let error = await #expect(throws: AWSError.self) { _ = try await provider.credentials() }
        let text = "\(String(describing: error))"
        #expect(error?.isAccessDenied == true)
        #expect(error?.resource == "arn:aws:iam::222222222222:role/denied")
        #expect(text.contains("arn:aws:iam::222222222222:role/denied"))
        for secret in ["SOURCE-SECRET-VALUE", "ext-secretish"] { #expect(!text.contains(secret)) }
        // A refusal is not cached: the next use asks again.
        _ = try? await provider.credentials()
        #expect(server.requests.count == 2)
    }

    @Test func roleARNsAreRecognised() {
        #expect(AssumedRoleCredentialProvider.account(ofRole: "arn:aws:iam::111111111111:role/x") == "111111111111")
        #expect(AssumedRoleCredentialProvider.account(ofRole: "arn:aws-us-gov:iam::111111111111:role/a/b") == "111111111111")
        for bad in [
            "arn:aws:iam::11111111111:role/x", "arn:aws:iam::111111111111:user/x", "arn:aws:s3:::bucket",
            "arn:aws:iam::111111111111:role/", "111111111111", "arn:aws:iam::abcdefghijkl:role/x",
        ] {
            #expect(AssumedRoleCredentialProvider.account(ofRole: bad) == nil, "\(bad)")
        }
    }

    @Test func aProfileExternalIdIsSentWithTheProfilesAssumeRole() async throws {
        let server = try Self.sts()
        defer { server.stop() }
        let files = try CredentialChainTests.Files(
            config: """
                [profile member]
                role_arn = arn:aws:iam::111111111111:role/audit
                source_profile = base
                external_id = profile-ext-42
                duration_seconds = 900
                """,
            credentials: """
                [base]
                aws_access_key_id = BASEKEY
                aws_secret_access_key = BASESECRET
                """)
        defer { files.remove() }
        var env = files.environment
        env["AWS_ENDPOINT_URL_STS"] = server.baseURL.absoluteString
        let chain = try CredentialChain(environment: env, profile: "member")
        #expect(try await chain.credentials().accessKeyID == "ASIAMEMBER")
        let form = Self.form(try #require(server.requests.first))
        #expect(form["ExternalId"] == "profile-ext-42")
        #expect(form["DurationSeconds"] == "900")
        #expect(form["RoleArn"] == "arn:aws:iam::111111111111:role/audit")
    }
}
