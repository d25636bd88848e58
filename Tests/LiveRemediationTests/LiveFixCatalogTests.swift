import LiveRemediation
import Model
import Testing

/// The calls fixes derive from a resource, without a cloud: what dry-run shows.
@Suite("Live fix catalog")
struct LiveFixCatalogTests {
    static func live(_ type: String, _ id: String, _ attributes: [String: Value]) -> (Resource, Resource.LiveOrigin) {
        let origin = Resource.LiveOrigin(id: id, account: "123456789012", region: "eu-west-1")
        return (Resource(provider: "aws", type: type, name: "r", origin: .live(origin), attributes: attributes), origin)
    }

    @Test func catalogCoversAtLeastEightFixesAcrossTheChecksItNames() {
        let catalog = LiveFixCatalog.standard
        #expect(catalog.fixes.count >= 8)
        #expect(catalog.fix(for: "BLW-AWS-VPC-002")?.id == "aws-sg-revoke-admin-ingress")
        #expect(catalog.fix(for: "BLW-AZURE-KEYVAULT-001")?.id == "azure-key-vault-purge-protection")
        #expect(catalog.fix(for: "BLW-AWS-S3-001") == nil)
    }

    @Test func securityGroupFixRevokesOnlyTheOpenRangesOfMatchingRulesWithoutAdminCIDR() throws {
        let rule: (String, Double, Double, [String], [String]) -> Value = { proto, from, to, v4, v6 in
            .object([
                "protocol": .string(proto), "from_port": .number(from), "to_port": .number(to),
                "cidr_blocks": .list(v4.map(Value.string)), "ipv6_cidr_blocks": .list(v6.map(Value.string)),
            ])
        }
        let (resource, origin) = Self.live(
            "aws_security_group", "arn:aws:ec2:eu-west-1:123456789012:security-group/sg-1",
            [
                "id": .string("sg-1"),
                "ingress": .list([
                    rule("-1", 0, 0, ["0.0.0.0/0", "10.0.0.0/8"], []), rule("tcp", 20, 23, [], ["::/0"]),
                    rule("tcp", 443, 443, ["0.0.0.0/0"], []),
                ]),
            ])
        let fix = try #require(LiveFixCatalog.standard.fix(for: "BLW-AWS-VPC-001"))
        let plan = try fix.plan(LiveFixContext(checkID: "BLW-AWS-VPC-001", resource: resource, origin: origin, adminCIDR: nil))
        #expect(
            plan.calls.map(\.rendered) == [
                "ec2 RevokeSecurityGroupIngress POST / region=eu-west-1 GroupId=sg-1 IpPermissions.1.IpProtocol=-1 "
                    + "IpPermissions.1.IpRanges.1.CidrIp=0.0.0.0/0",
                "ec2 RevokeSecurityGroupIngress POST / region=eu-west-1 GroupId=sg-1 IpPermissions.1.FromPort=20 "
                    + "IpPermissions.1.IpProtocol=tcp IpPermissions.1.Ipv6Ranges.1.CidrIpv6=::/0 IpPermissions.1.ToPort=23",
            ])
    }

    @Test(arguments: ["0.0.0.0/0", "::/0", "10.0.0.0", "10.0.0.300/8", "office"])
    func anAdminCIDRThatIsNotANarrowRangeIsRefused(admin: String) throws {
        let (resource, origin) = Self.live(
            "aws_security_group", "arn:aws:ec2:eu-west-1:123456789012:security-group/sg-1",
            [
                "id": .string("sg-1"),
                "ingress": .list([
                    .object([
                        "protocol": .string("tcp"), "from_port": .number(22), "to_port": .number(22),
                        "cidr_blocks": .list([.string("0.0.0.0/0")]),
                    ])
                ]),
            ])
        let fix = try #require(LiveFixCatalog.standard.fix(for: "BLW-AWS-VPC-001"))
        #expect(throws: LiveRemediationError.self) {
            try fix.plan(LiveFixContext(checkID: "BLW-AWS-VPC-001", resource: resource, origin: origin, adminCIDR: admin))
        }
        #expect(
            try fix.plan(
                LiveFixContext(
                    checkID: "BLW-AWS-VPC-001", resource: resource, origin: origin,
                    adminCIDR: "203.0.113.0/24")
            ).calls.count == 2)
    }

    @Test func passwordPolicyFixKeepsStricterValues() throws {
        let (resource, origin) = Self.live(
            "aws_iam_account_password_policy", "123456789012",
            [
                "minimum_password_length": .number(20), "password_reuse_prevention": .number(5), "max_password_age": .number(30),
            ])
        let plan = try #require(LiveFixCatalog.standard.fix(for: "BLW-AWS-IAM-001"))
            .plan(LiveFixContext(checkID: "BLW-AWS-IAM-001", resource: resource, origin: origin, adminCIDR: nil))
        let parameters = try #require(plan.calls.first?.parameters)
        #expect(parameters["MinimumPasswordLength"] == "20")
        #expect(parameters["PasswordReusePrevention"] == "24")
        #expect(parameters["MaxPasswordAge"] == "30")
    }

    @Test func aFixRefusesAResourceTypeItDoesNotKnow() throws {
        let (resource, origin) = Self.live("aws_s3_bucket_acl", "arn:aws:s3:::b", ["bucket": .string("b")])
        let fix = try #require(LiveFixCatalog.standard.fix(for: "BLW-AWS-S3-012"))
        #expect(throws: LiveRemediationError.self) {
            try fix.plan(LiveFixContext(checkID: "BLW-AWS-S3-012", resource: resource, origin: origin, adminCIDR: nil))
        }
    }
    static func plan(_ checkID: String, _ type: String, _ id: String, _ attributes: [String: Value]) throws -> LivePlan {
        let (resource, origin) = live(type, id, attributes)
        return try #require(LiveFixCatalog.standard.fix(for: checkID))
            .plan(LiveFixContext(checkID: checkID, resource: resource, origin: origin, adminCIDR: nil))
    }

    @Test func undoCallsRestoreTheDiscoveredValues() throws {
        let trail = try Self.plan(
            "BLW-AWS-CLOUDTRAIL-002", "aws_cloudtrail", "arn:aws:cloudtrail:eu-west-1:1:trail/t",
            [
                "name": .string("t"), "is_multi_region_trail": .bool(false), "include_global_service_events": .bool(true),
                "enable_log_file_validation": .bool(false),
            ])
        #expect(
            trail.calls.first?.undo?.map(\.body) == [
                #"{"EnableLogFileValidation":false,"IncludeGlobalServiceEvents":true,"IsMultiRegionTrail":false,"#
                    + #""Name":"arn:aws:cloudtrail:eu-west-1:1:trail/t"}"#
            ])

        let stopped = try Self.plan(
            "BLW-AWS-CLOUDTRAIL-001", "aws_cloudtrail", "arn:t",
            [
                "name": .string("t"), "enable_logging": .bool(false),
            ])
        #expect(stopped.calls.first?.undo?.map(\.action) == ["StopLogging"])
        let unknown = try Self.plan("BLW-AWS-CLOUDTRAIL-001", "aws_cloudtrail", "arn:t", ["name": .string("t")])
        #expect(unknown.calls.first?.undo == nil)
        #expect(unknown.calls.first?.renderedUndo == "undo: none (the trail's previous logging status is not known)")

        let versioning = try Self.plan("BLW-AWS-S3-012", "aws_s3_bucket", "arn:aws:s3:::b", ["bucket": .string("b")])
        #expect(versioning.calls.first?.undo?.first?.body?.contains("<Status>Suspended</Status>") == true)

        let policy = try Self.plan(
            "BLW-AWS-IAM-001", "aws_iam_account_password_policy", "1",
            [
                "minimum_password_length": .number(8), "require_symbols": .bool(true), "max_password_age": .number(0),
                "password_reuse_prevention": .number(3),
            ])
        let restore = try #require(policy.calls.first?.undo?.first)
        #expect(restore.action == "UpdateAccountPasswordPolicy")
        #expect(restore.parameters["MinimumPasswordLength"] == "8")
        #expect(restore.parameters["RequireSymbols"] == "true")
        #expect(restore.parameters["RequireNumbers"] == "false")
        #expect(restore.parameters["PasswordReusePrevention"] == "3")
        #expect(restore.parameters["MaxPasswordAge"] == nil)
        let none = try Self.plan("BLW-AWS-IAM-001", "aws_iam_account_password_policy", "1", [:])
        #expect(none.calls.first?.undo?.map(\.action) == ["DeleteAccountPasswordPolicy"])
    }

    @Test func everyShippedFixSaysHowEachCallIsUndoneOrWhyItCannotBe() throws {
        let vault = try Self.plan("BLW-AZURE-KEYVAULT-001", "azurerm_key_vault", "/subscriptions/s/vaults/v", [:])
        #expect(vault.calls.first?.undo == nil)
        #expect(vault.calls.first?.noUndo == "Azure does not allow purge protection to be turned off")
        let tls = try Self.plan(
            "BLW-AZURE-STORAGE-002", "azurerm_storage_account", "/subscriptions/s/accounts/a",
            [
                "min_tls_version": .string("TLS1_0")
            ])
        #expect(tls.calls.first?.undo?.map(\.body) == [#"{"properties":{"minimumTlsVersion":"TLS1_0"}}"#])
        let (group, origin) = Self.live(
            "aws_security_group", "arn:sg",
            [
                "id": .string("sg-1"),
                "ingress": .list([
                    .object([
                        "protocol": .string("tcp"), "from_port": .number(22), "to_port": .number(22),
                        "cidr_blocks": .list([.string("0.0.0.0/0")]),
                    ])
                ]),
            ])
        let sg = try #require(LiveFixCatalog.standard.fix(for: "BLW-AWS-VPC-001"))
            .plan(LiveFixContext(checkID: "BLW-AWS-VPC-001", resource: group, origin: origin, adminCIDR: "10.1.0.0/16"))
        #expect(sg.calls.map(\.action) == ["AuthorizeSecurityGroupIngress", "RevokeSecurityGroupIngress"])
        #expect(
            sg.calls.compactMap { $0.undo?.first?.action }
                == ["RevokeSecurityGroupIngress", "AuthorizeSecurityGroupIngress"])
        // Undo calls are left out of the idempotency key's plan text, and an undo-free plan encodes as before.
        #expect(!(try sg.withoutUndo().json()).contains("undo"))
        #expect(try sg.json().contains("\"undo\":["))
    }
}
