import AWS
import Foundation
import Posture
import Stages
import Testing

@testable import ControllerConfig

/// `clouds.aws.accounts`: member accounts read through assumed roles, their validation, and what the live stage
/// makes of them.
@Suite struct AWSAccountsConfigTests {
    static func config(_ accounts: String) -> String {
        """
        targets:
          - name: estate
            repo: /srv/estate
            clouds:
              aws:
                regions: [eu-west-1]
                accounts:
        \(accounts)
        """
    }

    @Test func parsesRolesExternalIdsAsLiteralsOrReferencesAndNames() throws {
        let config = try ReconcileConfig.parse(
            Self.config(
                """
                          - roleArn: arn:aws:iam::111111111111:role/bulwark-audit
                            externalId: estate-7f3a
                            name: prod
                          - roleArn: arn:aws:iam::222222222222:role/org/bulwark-audit
                            externalId: {env: STAGING_EXTERNAL_ID}
                          - roleArn: arn:aws:iam::333333333333:role/bulwark-audit
                """), file: "/etc/bulwark/bulwark.yaml")
        let accounts = try #require(config.targets.first?.clouds.aws?.accounts)
        #expect(
            accounts == [
                AWSAccountConfig(
                    roleARN: "arn:aws:iam::111111111111:role/bulwark-audit", externalID: .literal("estate-7f3a"), name: "prod"),
                AWSAccountConfig(
                    roleARN: "arn:aws:iam::222222222222:role/org/bulwark-audit",
                    externalID: .reference(.environment("STAGING_EXTERNAL_ID"))),
                AWSAccountConfig(roleARN: "arn:aws:iam::333333333333:role/bulwark-audit"),
            ])
        #expect(accounts.map(\.account) == ["111111111111", "222222222222", "333333333333"])

        // The live stage reads each account with its ExternalId resolved and a session named after the target.
        let target = try #require(config.targets.first)
        let clouds = try LiveDiscovery.clouds(of: target, environment: ["STAGING_EXTERNAL_ID": "from-env"])
        guard case .aws(let profile, let regions, let roles)? = clouds.first else {
            Issue.record("no AWS cloud: \(clouds)")
            return
        }
        #expect(profile == nil)
        #expect(regions == ["eu-west-1"])
        #expect(roles.map(\.externalID) == ["estate-7f3a", "from-env", nil])
        #expect(roles.map(\.name) == ["prod", nil, nil])
        #expect(Set(roles.map(\.sessionName)) == ["bulwark-estate"])
        // The ExternalId is not shown where roles are printed.
        #expect(!roles.map(\.description).joined().contains("estate-7f3a"))
    }

    @Test func aMissingExternalIdReferenceIsAMissingSecretNamingTheVariable() throws {
        let config = try ReconcileConfig.parse(
            Self.config(
                """
                          - roleArn: arn:aws:iam::111111111111:role/bulwark-audit
                            externalId: {env: NOT_SET_EXTERNAL_ID}
                """), file: "bulwark.yaml")
        let target = try #require(config.targets.first)
        do {
            _ = try LiveDiscovery.clouds(of: target, environment: [:])
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .missingSecret)
            #expect(error.message.contains("NOT_SET_EXTERNAL_ID"))
        }
    }

    @Test func withoutAccountsTheChainsOwnAccountIsRead() throws {
        let config = try ReconcileConfig.parse(
            "targets:\n  - name: a\n    repo: /srv/a\n    clouds: {aws: {profile: audit}}\n", file: "bulwark.yaml")
        let target = try #require(config.targets.first)
        #expect(target.clouds.aws?.accounts == [])
        #expect(try LiveDiscovery.clouds(of: target) == [.aws(profile: "audit", regions: [], accounts: [])])
    }

    @Test(arguments: [
        ("          - roleArn: arn:aws:iam::1111:role/x\n", 8, "must be a role ARN"),
        ("          - roleArn: arn:aws:iam::111111111111:user/x\n", 8, "must be a role ARN"),
        ("          - roleArn: arn:aws:s3:::bucket\n", 8, "must be a role ARN"),
        (
            "          - roleArn: arn:aws:iam::111111111111:role/a\n          - roleArn: arn:aws:iam::111111111111:role/b\n", 9,
            "reads account 111111111111 again"
        ),
        ("          - externalId: abc\n", 8, "needs 'roleArn'"),
        ("          - roleArn: arn:aws:iam::111111111111:role/a\n            colour: blue\n", 9, "unknown key 'colour'"),
        ("          - roleArn: arn:aws:iam::111111111111:role/a\n            externalId: \"a b\"\n", 9, "'externalId' must be"),
        ("          - roleArn: arn:aws:iam::111111111111:role/a\n            externalId: {vault: x}\n", 9, "unknown key 'vault'"),
        ("          - arn:aws:iam::111111111111:role/a\n", 8, "must be a mapping"),
        ("          []\n", 8, "must not be empty"),
    ])
    func rejectsBadAccountsNamingTheLine(accounts: String, line: Int, message: String) {
        do {
            _ = try ReconcileConfig.parse(Self.config(accounts), file: "bulwark.yaml")
            Issue.record("expected an error for \(accounts)")
        } catch {
            #expect(error.code == .invalidConfig)
            #expect(error.message.contains("bulwark.yaml:\(line):"), "\(error.message)")
            #expect(error.message.contains(message), "\(error.message)")
        }
    }
}
