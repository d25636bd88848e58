import Model
import Testing

@testable import Checks

@Suite struct CheckovPolicies {
    let loaded = CheckovPolicyLoader.load(directory: fixturePath("checkov"))

    func policy(_ id: String) throws -> CheckDefinition {
        try #require(loaded.checks.first { $0.id == id })
    }

    func verdicts(_ check: CheckDefinition, _ resources: [Resource]) -> [String] {
        CheckEngine(checks: [check]).evaluate(graph: ResourceGraph(resources)).map { "\($0.resourceAddress)=\($0.verdict)" }
    }

    @Test func loadsSupportedAndReportsUnsupported() {
        #expect(loaded.checks.map(\.id).sorted() == ["CKV2_CUSTOM_1", "CKV2_CUSTOM_2", "CKV2_CUSTOM_3"])
        #expect(loaded.diagnostics.count == 2)
        let messages = loaded.diagnostics.map { "\($0.range?.file ?? ""): \($0.message)" }
        #expect(
            messages.contains { $0.contains("unsupported_jsonpath.yaml") && $0.contains("unsupported Checkov operator 'jsonpath_equals'") })
        #expect(messages.contains { $0.contains("unsupported_cond_type.yaml") && $0.contains("unsupported cond_type 'magic'") })
        #expect(loaded.diagnostics.allSatisfy { $0.code == .unsupported })
    }

    @Test func attributeAnd() throws {
        let check = try policy("CKV2_CUSTOM_1")
        #expect(check.severity == .high)
        #expect(check.resourceTypes == ["aws_s3_bucket"])
        #expect(check.references.checkov == ["CKV2_CUSTOM_1"])
        let versioned: Value = .list([.object(["enabled": .bool(true)])])
        #expect(
            verdicts(
                check,
                [
                    makeResource("aws_s3_bucket", "ok", ["acl": .string("private"), "versioning": versioned]),
                    makeResource("aws_s3_bucket", "public", ["acl": .string("public-read"), "versioning": versioned]),
                    makeResource("aws_s3_bucket", "unversioned", ["acl": .string("private")]),
                    makeResource("aws_s3_bucket", "computed", ["acl": .unknown, "versioning": versioned]),
                ]) == [
                    "aws_s3_bucket.ok=PASSED", "aws_s3_bucket.public=FAILED", "aws_s3_bucket.unversioned=FAILED",
                    "aws_s3_bucket.computed=UNKNOWN",
                ])
    }

    @Test func connectionWithConnectedAttributeAndFilter() throws {
        let check = try policy("CKV2_CUSTOM_2")
        #expect(check.resourceTypes == ["aws_instance"])
        #expect(check.severity == .medium)
        let open = makeResource("aws_security_group", "open", ["ingress": .list([.object(["from_port": .number(22)])])])
        let web = makeResource("aws_security_group", "web", ["ingress": .list([.object(["from_port": .number(443)])])])
        func instance(_ name: String, _ sg: String?) -> Resource {
            makeResource(
                "aws_instance", name, [:], references: sg.map { [Reference(attribute: "vpc_security_group_ids", target: $0)] } ?? [])
        }
        #expect(
            verdicts(
                check,
                [
                    open, web, instance("a", "aws_security_group.web"), instance("b", "aws_security_group.open"),
                    instance("c", nil),
                ])
                == ["aws_instance.a=PASSED", "aws_instance.b=FAILED", "aws_instance.c=FAILED"])
    }

    @Test func orWithRenamedAndAnchoredOperators() throws {
        let check = try policy("CKV2_CUSTOM_3")
        #expect(
            verdicts(
                check,
                [
                    makeResource("aws_s3_bucket", "a", ["bucket": .string("corp-logs")]),
                    makeResource("aws_s3_bucket", "b", ["bucket": .string("legacy-data")]),
                    // Checkov's regex_match uses re.match, anchored at the start.
                    makeResource("aws_s3_bucket", "c", ["bucket": .string("my-legacy")]),
                ]) == ["aws_s3_bucket.a=PASSED", "aws_s3_bucket.b=PASSED", "aws_s3_bucket.c=FAILED"])
    }

    @Test func inlineYAMLErrors() {
        guard case .failure(let d) = CheckovPolicyLoader.load(yaml: "metadata: {id: X}\ndefinition:\n  or: 3\n", file: "p.yaml") else {
            Issue.record("expected a failure")
            return
        }
        #expect(d.range?.file == "p.yaml")
        #expect(d.range?.start.line == 3)
    }
}
