import AWS
import Discovery
import Foundation
import TestSupport
import Testing

/// `bulwark discover --assume-role … --external-id …` against moto, which acts as the role's account for calls
/// signed with assumed-role credentials. STS goes through a proxy that refuses one role, records the parameters
/// sent and the credentials handed out, so the output can be searched for them.
@Suite("Multi-account discovery (moto)", .serialized)
struct MotoMultiAccountTests {
    static let roleA = "arn:aws:iam::111111111111:role/bulwark-audit"
    static let roleB = "arn:aws:iam::222222222222:role/bulwark-audit"
    static let refused = "arn:aws:iam::333333333333:role/bulwark-audit"
    static let sourceSecret = "source-secret-Zq81xV"

    /// Credentials STS handed out through the proxy.
    final class Issued: @unchecked Sendable {
        // Unchecked: `values` is only touched under `lock`.
        private let lock = NSLock()
        private var values: [String] = []
        func add(_ body: String) {
            for tag in ["SecretAccessKey", "SessionToken"] {
                guard let start = body.range(of: "<\(tag)>"), let end = body.range(of: "</\(tag)>", range: start.upperBound..<body.endIndex)
                else { continue }
                let value = String(body[start.upperBound..<end.lowerBound])
                lock.withLock { values.append(value) }
            }
        }
        var all: [String] { lock.withLock { values } }
    }

    struct Estate {
        let moto: MotoServer
        let proxy: ForwardingProxy
        let issued: Issued

        func stop() {
            proxy.stop()
            moto.stop()
        }

        /// The CLI's environment: moto for everything, STS through the proxy, a distinctive source secret.
        var environment: [String: String] {
            var env = moto.environment()
            env["AWS_ENDPOINT_URL_STS"] = proxy.baseURL.absoluteString
            env["AWS_SECRET_ACCESS_KEY"] = MotoMultiAccountTests.sourceSecret
            return env
        }

        /// The AssumeRole requests the proxy saw, as form fields.
        var assumeRoleRequests: [[String: String]] {
            proxy.requests.map { request in
                var form: [String: String] = [:]
                for pair in request.text.split(separator: "&") {
                    let parts = pair.split(separator: "=", maxSplits: 1).map {
                        String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0)
                    }
                    if parts.count == 2 { form[parts[0]] = parts[1] }
                }
                return form
            }.filter { $0["Action"] == "AssumeRole" }
        }
    }

    /// moto with a bucket and an `auditor` role in accounts A and B, and a bucket in the caller's own account.
    static func estate() throws -> Estate {
        let moto = try MotoServer()
        guard let script = Bundle.module.url(forResource: "seed_moto_accounts", withExtension: "py", subdirectory: "Fixtures")
        else { throw TestServerError("seed_moto_accounts.py missing from the test bundle") }
        try moto.runPython(script: script.path, arguments: [roleA, roleB])
        let issued = Issued()
        let upstream = try #require(URL(string: moto.endpoint))
        let proxy = try ForwardingProxy(upstream: upstream) { request in
            guard request.text.contains("Action=AssumeRole") else { return nil }
            if request.text.contains("333333333333") {
                return CannedResponse(
                    status: 403,
                    text: """
                        <ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User: \
                        arn:aws:iam::123456789012:user/bulwark is not authorized to perform: sts:AssumeRole on resource: \
                        \(refused)</Message></Error><RequestId>denied-1</RequestId></ErrorResponse>
                        """)
            }
            let answer = ForwardingProxy.forward(request, to: upstream)
            issued.add(String(decoding: answer.body, as: UTF8.self))
            return answer
        }
        return Estate(moto: moto, proxy: proxy, issued: issued)
    }

    static func discover(_ arguments: [String], environment: [String: String]) async throws -> Subprocess.Outcome {
        let executable = try BuiltProduct.path("bulwark", override: "BULWARK_EXECUTABLE")
        // moto answers every account and service from one python process: on a busy machine a first answer can take
        // longer than the 10 s default, which would open the circuit breaker and hide what these tests look at.
        return try await Subprocess(
            executable,
            ["discover", "--cloud", "aws", "--regions", "us-east-1", "--connect-timeout", "120s", "--request-timeout", "300s"]
                + arguments, environment: environment
        ).wait()
    }

    static func json(_ outcome: Subprocess.Outcome) throws -> [String: Any] {
        let start = try #require(outcome.output.firstIndex(of: "{"), "no JSON in: \(outcome.output.prefix(2000))")
        let object = try JSONSerialization.jsonObject(with: Data(outcome.output[start...].utf8))
        return try #require(object as? [String: Any])
    }

    @Test func eachAccountIsReadWithItsOwnCredentialsAndARefusedRoleLeavesOnlyItsAccountUnread() async throws {
        let estate = try Self.estate()
        defer { estate.stop() }
        let outcome = try await Self.discover(
            [
                "--assume-role", Self.roleA, "--assume-role", Self.roleB, "--assume-role", Self.refused,
                "--external-id", "ext-42", "-o", "json",
            ], environment: estate.environment)
        #expect(outcome.exitCode == 3, "\(outcome.output.prefix(3000))")
        let root = try Self.json(outcome)

        let accounts = try #require(root["accounts"] as? [[String: Any]])
        let read = Dictionary(
            uniqueKeysWithValues: accounts.compactMap { a in
                (a["account"] as? String).map { ($0, a["read"] as? Bool ?? false) }
            })
        #expect(read == ["111111111111": true, "222222222222": true, "333333333333": false])

        let resources = try #require(root["resources"] as? [[String: Any]])
        func resource(_ address: String) -> [String: Any]? { resources.first { $0["address"] as? String == address } }
        for account in ["111111111111", "222222222222"] {
            let bucket = resource("module.account_\(account).aws_s3_bucket.member-\(account)")
            #expect((bucket?["live"] as? [String: Any])?["account"] as? String == account, "bucket of \(account)")
            // The same role name in both accounts: two resources, each under its account.
            let role = resource("module.account_\(account).aws_iam_role.auditor")
            #expect(((role?["live"] as? [String: Any])?["id"] as? String)?.contains(":\(account):") == true, "role of \(account)")
        }
        #expect(!resources.contains { ($0["address"] as? String)?.contains("source-only") == true })
        #expect(!resources.contains { ($0["address"] as? String)?.hasPrefix("module.account_333333333333") == true })

        let errors = try #require(root["errors"] as? [[String: Any]])
        let denied = errors.filter { $0["resource"] as? String == Self.refused }
        #expect(denied.count == 1)
        #expect(denied.first?["code"] as? String == "AccessDenied")
        #expect(denied.first?["service"] as? String == "sts")
        #expect(root["complete"] as? Bool == false)

        // ExternalId and the stable session name went with every AssumeRole.
        let calls = estate.assumeRoleRequests
        #expect(Set(calls.compactMap { $0["RoleArn"] }) == [Self.roleA, Self.roleB, Self.refused])
        for call in calls {
            #expect(call["ExternalId"] == "ext-42")
            #expect(call["RoleSessionName"] == "bulwark-discover")
        }
        // One AssumeRole per account, whatever the number of calls made with its credentials.
        #expect(calls.filter { $0["RoleArn"] == Self.roleA }.count == 1)

        // No credential in the output: the source secret, or any secret key or session token STS handed out.
        let issued = estate.issued.all
        #expect(issued.count == 4)
        for secret in issued + [Self.sourceSecret] where !secret.isEmpty {
            #expect(!outcome.output.contains(secret), "a credential is in the output")
        }
    }

    @Test func theTableAndTheChecksWorkPerAccount() async throws {
        let estate = try Self.estate()
        defer { estate.stop() }
        let outcome = try await Self.discover(
            [
                "--assume-role", Self.roleA, "--assume-role", Self.roleB, "--check", "--checks-dir",
                MotoDiscoveryTests.checksDirectory,
            ], environment: estate.environment)
        // Some check fails on the bare buckets: status 1, and every account was read.
        #expect(outcome.exitCode == 1, "\(outcome.output.suffix(3000))")
        for account in ["111111111111", "222222222222"] {
            #expect(outcome.output.contains("module.account_\(account).aws_s3_bucket.member-\(account)\t"))
            #expect(outcome.output.contains("\tmodule.account_\(account).aws_s3_bucket.member-\(account)\n"))
        }
        #expect(outcome.output.contains("2 of 2 accounts"))
        for secret in estate.issued.all + [Self.sourceSecret] where !secret.isEmpty {
            #expect(!outcome.output.contains(secret), "a credential is in the output")
        }
    }

    @Test func whenNoRoleCanBeAssumedNothingIsReadAndTheRoleIsNamed() async throws {
        let estate = try Self.estate()
        defer { estate.stop() }
        let outcome = try await Self.discover(["--assume-role", Self.refused], environment: estate.environment)
        #expect(outcome.exitCode == 2)
        #expect(outcome.output.contains(Self.refused))
        #expect(!outcome.output.contains(Self.sourceSecret))
    }

    @Test func badRoleARNsAndDuplicateAccountsAreUsageErrors() async throws {
        let env = ["AWS_ENDPOINT_URL": "http://127.0.0.1:9", "AWS_ACCESS_KEY_ID": "x", "AWS_SECRET_ACCESS_KEY": "y"]
        let bad = try await Self.discover(["--assume-role", "arn:aws:iam::1234:role/x"], environment: env)
        #expect(bad.exitCode == 2)
        #expect(bad.output.contains("is not a role ARN"))
        let twice = try await Self.discover(
            ["--assume-role", Self.roleA, "--assume-role", "arn:aws:iam::111111111111:role/other"], environment: env)
        #expect(twice.exitCode == 2)
        #expect(twice.output.contains("names account 111111111111 twice"))
        let lonely = try await Self.discover(["--external-id", "ext"], environment: env)
        #expect(lonely.exitCode == 2)
    }
}
