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
            .object(["protocol": .string(proto), "from_port": .number(from), "to_port": .number(to),
                     "cidr_blocks": .list(v4.map(Value.string)), "ipv6_cidr_blocks": .list(v6.map(Value.string))])
        }
        let (resource, origin) = Self.live("aws_security_group", "arn:aws:ec2:eu-west-1:123456789012:security-group/sg-1", [
            "id": .string("sg-1"),
            "ingress": .list([rule("-1", 0, 0, ["0.0.0.0/0", "10.0.0.0/8"], []), rule("tcp", 20, 23, [], ["::/0"]),
                              rule("tcp", 443, 443, ["0.0.0.0/0"], [])]),
        ])
        let fix = try #require(LiveFixCatalog.standard.fix(for: "BLW-AWS-VPC-001"))
        let plan = try fix.plan(LiveFixContext(checkID: "BLW-AWS-VPC-001", resource: resource, origin: origin, adminCIDR: nil))
        #expect(plan.calls.map(\.rendered) == [
            "ec2 RevokeSecurityGroupIngress POST / region=eu-west-1 GroupId=sg-1 IpPermissions.1.IpProtocol=-1 "
                + "IpPermissions.1.IpRanges.1.CidrIp=0.0.0.0/0",
            "ec2 RevokeSecurityGroupIngress POST / region=eu-west-1 GroupId=sg-1 IpPermissions.1.FromPort=20 "
                + "IpPermissions.1.IpProtocol=tcp IpPermissions.1.Ipv6Ranges.1.CidrIpv6=::/0 IpPermissions.1.ToPort=23",
        ])
    }

    @Test(arguments: ["0.0.0.0/0", "::/0", "10.0.0.0", "10.0.0.300/8", "office"])
    func anAdminCIDRThatIsNotANarrowRangeIsRefused(admin: String) throws {
        let (resource, origin) = Self.live("aws_security_group", "arn:aws:ec2:eu-west-1:123456789012:security-group/sg-1", [
            "id": .string("sg-1"),
            "ingress": .list([.object(["protocol": .string("tcp"), "from_port": .number(22), "to_port": .number(22),
                                       "cidr_blocks": .list([.string("0.0.0.0/0")])])]),
        ])
        let fix = try #require(LiveFixCatalog.standard.fix(for: "BLW-AWS-VPC-001"))
        #expect(throws: LiveRemediationError.self) {
            try fix.plan(LiveFixContext(checkID: "BLW-AWS-VPC-001", resource: resource, origin: origin, adminCIDR: admin))
        }
        #expect(try fix.plan(LiveFixContext(checkID: "BLW-AWS-VPC-001", resource: resource, origin: origin,
                                            adminCIDR: "203.0.113.0/24")).calls.count == 2)
    }

    @Test func passwordPolicyFixKeepsStricterValues() throws {
        let (resource, origin) = Self.live("aws_iam_account_password_policy", "123456789012", [
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
}
