import AWS
import CloudHTTP
import Foundation
import TestSupport
import Testing

/// The AWS CLI's resolution order, with temporary shared files.
@Suite("CredentialChain")
struct CredentialChainTests {
    /// A temporary ~/.aws with the given files; removed by the caller.
    struct Files {
        let directory: URL
        init(config: String, credentials: String) throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("bulwark-aws-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try config.write(to: directory.appendingPathComponent("config"), atomically: true, encoding: .utf8)
            try credentials.write(to: directory.appendingPathComponent("credentials"), atomically: true, encoding: .utf8)
        }
        var environment: [String: String] {
            [
                "AWS_CONFIG_FILE": directory.appendingPathComponent("config").path,
                "AWS_SHARED_CREDENTIALS_FILE": directory.appendingPathComponent("credentials").path,
                "HOME": directory.path,
            ]
        }
        func remove() { try? FileManager.default.removeItem(at: directory) }
    }

    static let config = """
        [default]
        region = eu-west-1

        # a comment
        [profile dev]
        region = us-west-2
        aws_access_key_id = CONFIGKEY
        aws_secret_access_key = CONFIGSECRET
        s3 =
          max_concurrent_requests = 4

        [profile auditor]
        role_arn = arn:aws:iam::123456789012:role/audit
        source_profile = base
        role_session_name = bulwark-test
        region = us-east-1

        [profile loop-a]
        role_arn = arn:aws:iam::123456789012:role/a
        source_profile = loop-b

        [profile loop-b]
        role_arn = arn:aws:iam::123456789012:role/b
        source_profile = loop-a

        [sso-session corp]
        sso_region = us-east-1
        """
    static let credentials = """
        [default]
        aws_access_key_id = DEFAULTKEY
        aws_secret_access_key = DEFAULTSECRET

        [dev]
        aws_access_key_id = DEVKEY
        aws_secret_access_key = DEVSECRET
        aws_session_token = DEVTOKEN

        [base]
        aws_access_key_id = BASEKEY
        aws_secret_access_key = BASESECRET
        """

    @Test func environmentKeysComeFirst() async throws {
        let files = try Files(config: Self.config, credentials: Self.credentials)
        defer { files.remove() }
        var env = files.environment
        env["AWS_ACCESS_KEY_ID"] = "ENVKEY"
        env["AWS_SECRET_ACCESS_KEY"] = "ENVSECRET"
        env["AWS_SESSION_TOKEN"] = "ENVTOKEN"
        env["AWS_PROFILE"] = "dev"
        let chain = try CredentialChain(environment: env)
        let creds = try await chain.credentials()
        #expect(creds == AWSCredentials(accessKeyID: "ENVKEY", secretAccessKey: "ENVSECRET", sessionToken: "ENVTOKEN"))
        #expect(chain.region == "us-west-2")
    }

    @Test func anExplicitProfileBeatsTheEnvironmentAndCredentialsFileBeatsConfig() async throws {
        let files = try Files(config: Self.config, credentials: Self.credentials)
        defer { files.remove() }
        var env = files.environment
        env["AWS_ACCESS_KEY_ID"] = "ENVKEY"
        env["AWS_SECRET_ACCESS_KEY"] = "ENVSECRET"
        env["AWS_DEFAULT_REGION"] = "ap-south-1"
        let chain = try CredentialChain(environment: env, profile: "dev")
        let creds = try await chain.credentials()
        #expect(creds.accessKeyID == "DEVKEY")
        #expect(creds.sessionToken == "DEVTOKEN")
        #expect(chain.region == "ap-south-1")
    }

    @Test func defaultProfileAndRegionPrecedence() async throws {
        let files = try Files(config: Self.config, credentials: Self.credentials)
        defer { files.remove() }
        let chain = try CredentialChain(environment: files.environment)
        #expect(try await chain.credentials().accessKeyID == "DEFAULTKEY")
        #expect(chain.region == "eu-west-1")
        var env = files.environment
        env["AWS_REGION"] = "ca-central-1"
        env["AWS_DEFAULT_REGION"] = "ap-south-1"
        #expect(try CredentialChain(environment: env).region == "ca-central-1")
    }

    @Test func unknownProfileAndMissingCredentialsAreTypedErrors() async throws {
        let files = try Files(config: "", credentials: "")
        defer { files.remove() }
        var env = files.environment
        env["AWS_PROFILE"] = "nope"
        let unknown = #expect(throws: AWSError.self) { _ = try CredentialChain(environment: env) }
        #expect(unknown?.code == .invalidConfiguration)
        #expect(unknown?.message.contains("'nope'") == true)
        let chain = try CredentialChain(environment: files.environment)
        let missing = await #expect(throws: AWSError.self) { _ = try await chain.credentials() }
        #expect(missing?.code == .noCredentials)
    }

    @Test func aRoleCycleIsAConfigurationErrorNotAHang() async throws {
        let files = try Files(config: Self.config, credentials: Self.credentials)
        defer { files.remove() }
        let chain = try CredentialChain(environment: files.environment, profile: "loop-a")
        let error = await #expect(throws: AWSError.self) { _ = try await chain.credentials() }
        #expect(error?.code == .invalidConfiguration)
    }

    @Test func assumeRoleIsCalledOnceAndCachedUntilExpiry() async throws {
        let expiration = ISO8601DateFormatter().string(from: Date().addingTimeInterval(3600))
        let server = try LoopbackHTTPServer { request in
            #expect(request.text.contains("Action=AssumeRole"))
            #expect(request.text.contains("RoleSessionName=bulwark-test"))
            #expect(request.header("Authorization")?.contains("Credential=BASEKEY/") == true)
            return CannedResponse(
                text: """
                    <AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>ASIAROLE</AccessKeyId>
                    <SecretAccessKey>ROLESECRET</SecretAccessKey><SessionToken>ROLETOKEN</SessionToken>
                    <Expiration>\(expiration)</Expiration></Credentials></AssumeRoleResult></AssumeRoleResponse>
                    """)
        }
        defer { server.stop() }
        let files = try Files(config: Self.config, credentials: Self.credentials)
        defer { files.remove() }
        var env = files.environment
        env["AWS_ENDPOINT_URL_STS"] = server.baseURL.absoluteString
        let chain = try CredentialChain(environment: env, profile: "auditor")
        // A burst of concurrent callers shares one AssumeRole call.
        let burst = try await withThrowingTaskGroup(of: AWSCredentials.self) { group in
            for _ in 0..<6 { group.addTask { try await chain.credentials() } }
            var all: [AWSCredentials] = []
            for try await creds in group { all.append(creds) }
            return all
        }
        #expect(Set(burst).count == 1)
        let first = try await chain.credentials()
        let second = try await chain.credentials()
        #expect(first.accessKeyID == "ASIAROLE")
        #expect(first.sessionToken == "ROLETOKEN")
        #expect(first.expiration != nil)
        #expect(second == first)
        #expect(server.requests.count == 1)
    }

    @Test func assumeRoleAgainstMotoSTS() async throws {
        let moto = try MotoServer()
        defer { moto.stop() }
        let files = try Files(config: Self.config, credentials: Self.credentials)
        defer { files.remove() }
        var env = files.environment
        env["AWS_ENDPOINT_URL"] = moto.endpoint
        let client = try AWSClient.fromEnvironment(env, profile: "auditor")
        let creds = try await client.credentialProvider.credentials()
        #expect(creds.accessKeyID.hasPrefix("ASIA"))
        #expect(creds.sessionToken?.isEmpty == false)
        // The assumed identity is what later calls are signed with.
        let identity = try await client.query(service: .sts, action: "GetCallerIdentity")
        #expect(identity.string("GetCallerIdentityResult/Arn")?.contains("assumed-role/audit/bulwark-test") == true)
    }
}
