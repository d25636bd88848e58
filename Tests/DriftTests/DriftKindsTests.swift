import Foundation
import Model
import Testing

@testable import Drift

/// Drifted (live ≠ state) and pending (code ≠ state) are told apart; absent is not null at any depth; defaults
/// are hidden; security-group rules are compared one by one; regions not read are not missing.
@Suite("Drift kinds, absent values, defaults")
struct DriftKindsTests {
    static let rules = AttributeIgnoreTable(
        defaults: AttributeRules(ignore: ["id", "arn", "tags_all"]),
        types: ["aws_security_group": AttributeRules(sets: ["ingress", "egress", "ingress.cidr_blocks"])])

    static func instance(tokens: String, owner: String) -> Resource {
        Support.state(
            "aws_instance", "web",
            [
                "id": "i-1", "arn": "arn:aws:ec2:eu-west-1:123456789012:instance/i-1",
                "metadata_options": Support.block(["http_tokens": .string(tokens), "http_protocol_ipv6": "disabled"]),
                "tags": .object(["Owner": .string(owner)]),
            ])
    }

    @Test("a nested member the live read lacks is not compared; one it holds is")
    func absentIsNotNull() {
        let live = Support.live(
            "aws_instance", "arn:aws:ec2:eu-west-1:123456789012:instance/i-1",
            ["id": "i-1", "metadata_options": Support.block(["http_tokens": "optional"]), "tags": .map(["Owner": "a"])])
        let detector = DriftDetector(attributes: Self.rules)
        #expect(!detector.detect(desired: [Self.instance(tokens: "optional", owner: "a")], live: [live]).hasDrift)
        let report = detector.detect(desired: [Self.instance(tokens: "required", owner: "b")], live: [live])
        #expect(report.changed.map(\.attribute) == ["metadata_options[0].http_tokens", "tags.Owner"])
        // A tag map is read whole: a key gone live is drift, each key its own row.
        let untagged = Support.live("aws_instance", "arn:aws:ec2:eu-west-1:123456789012:instance/i-1", ["id": "i-1", "tags": .map([:])])
        #expect(
            detector.detect(desired: [Self.instance(tokens: "optional", owner: "a")], live: [untagged]).changed.map(\.attribute) == [
                "tags.Owner"
            ])
    }

    static func rule(_ port: Int, _ cidr: String, _ description: String) -> Value {
        .object([
            "protocol": "tcp", "from_port": .number(Double(port)), "to_port": .number(Double(port)),
            "cidr_blocks": Support.strings([cidr]), "description": .string(description),
        ])
    }

    @Test("security-group rules: one row per added or removed rule, descriptions per CIDR")
    func ruleByRule() {
        let state = Support.state(
            "aws_security_group", "web",
            ["id": "sg-1", "ingress": .list([Self.rule(443, "0.0.0.0/0", "https"), Self.rule(80, "0.0.0.0/0", "http")])])
        let same = Support.live(
            "aws_security_group", "sg-1",
            ["id": "sg-1", "ingress": .list([Self.rule(80, "0.0.0.0/0", "http"), Self.rule(443, "0.0.0.0/0", "https")])])
        let detector = DriftDetector(attributes: Self.rules)
        #expect(!detector.detect(desired: [state], live: [same]).hasDrift, "order does not count")
        let edited = Support.live(
            "aws_security_group", "sg-1",
            [
                "id": "sg-1",
                "ingress": .list([
                    Self.rule(443, "0.0.0.0/0", "https"), Self.rule(80, "0.0.0.0/0", "web"), Self.rule(22, "0.0.0.0/0", "ssh"),
                ]),
            ])
        let report = detector.detect(desired: [state], live: [edited])
        #expect(report.changed.map(\.attribute) == ["ingress[+]", "ingress[+]", "ingress[-]"], "\(report.changed)")
        #expect(report.changed.filter { $0.attribute == "ingress[-]" }.map(\.desired) == [Self.rule(80, "0.0.0.0/0", "http")])
    }

    @Test("the code against the state is pending: an attribute, a resource to create, one removed from the code")
    func pendingIsNotDrifted() {
        let state = [
            Support.state("aws_s3_bucket", "data", ["id": "acme-data", "bucket": "acme-data", "tags": .object(["team": "data"])]),
            Support.state("aws_s3_bucket", "old", ["id": "acme-old", "bucket": "acme-old"]),
        ]
        var code = [
            Support.state("aws_s3_bucket", "data", ["bucket": "acme-data", "tags": .object(["team": "data", "tier": "gold"])]),
            Support.state("aws_s3_bucket", "new", ["bucket": "acme-new"]),
        ]
        code = code.map { r in
            var r = r
            r.origin = .iac(
                SourceRange(
                    file: "main.tf", start: SourcePosition(line: 1, column: 1, byte: 0), end: SourcePosition(line: 1, column: 1, byte: 0)))
            return r
        }
        let live = [
            Support.live("aws_s3_bucket", "acme-data", ["id": "acme-data", "tags": .map(["team": "data"])]),
            Support.live("aws_s3_bucket", "acme-old", ["id": "acme-old"]),
        ]
        let report = DriftDetector().detect(state: state, configuration: code, live: live)
        #expect(report.changed.isEmpty && !report.hasLiveDrift, "\(report.changed)")
        #expect(report.pendingChanges.map { "\($0.kind) \($0.attribute) \($0.desired) \($0.live)" } == [#"pending tags.tier "gold" null"#])
        #expect(report.pending.map { "\($0.address) \($0.action)" } == ["aws_s3_bucket.new create", "aws_s3_bucket.old destroy"])
        // Without code there is nothing to be pending about.
        #expect(!DriftDetector().detect(state: state, configuration: [], live: live).hasPending)
    }

    @Test("unmanaged defaults are hidden and not counted unless shown")
    func defaultsHidden() {
        let live = [
            Support.live("aws_vpc", "vpc-default", ["id": "vpc-default", "is_default": true]),
            Support.live("aws_vpc", "vpc-made", ["id": "vpc-made", "is_default": false]),
            Support.live("aws_default_security_group", "sg-default", ["id": "sg-default"]),
            Support.live("aws_ebs_encryption_by_default", "eu-west-1", ["id": "eu-west-1", "enabled": false]),
            Support.live("aws_instance", "i-1", ["id": "i-1", "root_block_device": Support.block(["volume_id": "vol-root"])]),
            Support.live("aws_ebs_volume", "vol-root", ["id": "vol-root"]),
            Support.live("aws_ebs_volume", "vol-data", ["id": "vol-data"]),
            Support.live("aws_s3_bucket_acl", "b", ["id": "b", "acl": "private"]),
            Support.live("aws_s3_bucket_acl", "c", ["id": "c", "acl": "public-read"]),
        ]
        let hidden = DriftDetector().detect(desired: [], live: live)
        #expect(hidden.unmanaged.map(\.id) == ["vol-data", "i-1", "c", "vpc-made"], "\(hidden.unmanaged)")
        #expect(hidden.defaults.count == 5 && hidden.liveCount == 4)
        let shown = DriftDetector(showDefaults: true).detect(desired: [], live: live)
        #expect(shown.unmanaged.count == 9 && shown.defaults.isEmpty && shown.liveCount == 9)
    }

    @Test("ACLs disabled, basic registry scanning and unread backup selections are defaults; other settings are not")
    func postureDefaultsHidden() {
        func ownership(_ id: String, _ value: String) -> Resource {
            Support.live(
                "aws_s3_bucket_ownership_controls", id, ["id": .string(id), "rule": .list([.object(["object_ownership": .string(value)])])])
        }
        let live = [
            ownership("enforced", "BucketOwnerEnforced"), ownership("writer", "ObjectWriter"),
            Support.live("aws_ecr_registry_scanning_configuration", "basic", ["id": "basic", "scan_type": "BASIC", "rule": .list([])]),
            Support.live(
                "aws_ecr_registry_scanning_configuration", "enhanced", ["id": "enhanced", "scan_type": "ENHANCED", "rule": .list([])]),
            Support.live("aws_backup_selection", "unread/us-east-1", ["id": "unread/us-east-1", "plan_id": .unknown]),
            Support.live("aws_backup_selection", "sel-1", ["id": "sel-1", "plan_id": "plan-1"]),
        ]
        let report = DriftDetector().detect(desired: [], live: live)
        #expect(Set(report.unmanaged.map(\.id)) == ["writer", "enhanced", "sel-1"], "\(report.unmanaged)")
        #expect(report.defaults.count == 3)
    }

    @Test("a resource whose ARN names a region not read is not read, not missing")
    func regionNotRead() {
        let group = Support.state(
            "aws_cloudwatch_log_group", "api", ["id": "api", "arn": "arn:aws:logs:ap-south-1:123456789012:log-group:api"])
        let report = DriftDetector().detect(
            desired: [group], live: [], discoveredTypes: ["aws_cloudwatch_log_group"], regions: ["eu-west-1"])
        #expect(report.missing.isEmpty && report.notRead.map(\.region) == ["ap-south-1"])
        let read = DriftDetector().detect(
            desired: [group], live: [], discoveredTypes: ["aws_cloudwatch_log_group"], regions: ["ap-south-1"])
        #expect(read.missing.map(\.address) == ["aws_cloudwatch_log_group.api"])
    }

    @Test("ignore rules name the address, take comments anywhere, and --write-ignore baselines a report")
    func ignoreByAddress() {
        let (ignore, diagnostics) = DriftIgnore.parse(
            """
            aws_instance.web.tags.Owner   # accepted: ops retags by hand
            aws_instance.other extra
            """, file: ".bulwarkignore")
        #expect(ignore.rules.count == 1)
        #expect(diagnostics.map(\.message).first?.contains("start a comment with '#'") == true, "\(diagnostics)")
        let live = Support.live(
            "aws_instance", "arn:aws:ec2:eu-west-1:123456789012:instance/i-1",
            ["id": "i-1", "metadata_options": Support.block(["http_tokens": "required"]), "tags": .map(["Owner": "b"])])
        let report = DriftDetector(attributes: Self.rules, ignore: ignore).detect(
            desired: [Self.instance(tokens: "required", owner: "a")], live: [live])
        #expect(!report.hasDrift, "\(report.changed)")

        var baseline = DriftDetector(attributes: Self.rules).detect(desired: [Self.instance(tokens: "optional", owner: "a")], live: [live])
        baseline.unmanaged = [DriftResourceRef(type: "aws_s3_bucket", address: nil, id: "my.bucket")]
        let rules = DriftIgnoreBaseline.rules(baseline)
        #expect(rules == ["aws_instance.web.metadata_options.http_tokens", "aws_instance.web.tags.Owner", #"aws_s3_bucket.my\.bucket"#])
        let reread = DriftIgnore.parse(DriftIgnoreBaseline.text(rules, date: Date(timeIntervalSince1970: 0)), file: "x").ignore
        #expect(
            !DriftDetector(attributes: Self.rules, ignore: reread).detect(
                desired: [Self.instance(tokens: "optional", owner: "a")], live: [live]
            ).hasDrift)
    }
}
