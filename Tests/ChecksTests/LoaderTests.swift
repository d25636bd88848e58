import Foundation
import Model
import Testing

@testable import Checks

@Suite struct Loading {
    @Test func fixtureLibraryLoads() throws {
        let (checks, diagnostics) = CheckLoader.load(directory: fixturePath("checks"))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(checks.map(\.id) == ["BLW-AWS-S3-001", "BLW-AZURE-NETWORK-001"])
        let s3 = try #require(checks.first)
        #expect(s3.severity == .high)
        #expect(s3.references.checkov == ["CKV2_AWS_6"])
        #expect(s3.references.cis["cis-aws"] == ["2.1.4"])
        #expect(s3.source?.file.hasSuffix("s3_public_access.yaml") == true)
    }

    @Test func badFilesReportFileAndLineAndOthersStillLoad() throws {
        let good =
            "id: BLW-AWS-EC2-001\ntitle: t\nseverity: low\nprovider: aws\nresource_types: [aws_instance]\n"
            + "condition: {attribute: ebs_optimized, operator: is_true}\n"
        let dir = try temporaryDirectory([
            "aws/good.yaml": good,
            "aws/syntax.yaml": "id: BLW-AWS-EC2-002\ntitle: [unclosed\nseverity: low\n",
            "aws/operator.yaml": good.replacingOccurrences(of: "EC2-001", with: "EC2-003")
                .replacingOccurrences(of: "is_true", with: "is_truthy"),
            "azure/dupkey.yaml": "id: BLW-AZURE-X-001\nid: BLW-AZURE-X-002\n",
            "azure/predicate.yaml": good.replacingOccurrences(of: "EC2-001", with: "EC2-004")
                .replacingOccurrences(of: "{attribute: ebs_optimized, operator: is_true}", with: "{predicate: no_such_predicate}"),
            "aws/regex.yaml": good.replacingOccurrences(of: "EC2-001", with: "EC2-005")
                .replacingOccurrences(of: "operator: is_true}", with: "operator: regex_match, value: \"([\"}"),
            "frameworks/cis.yaml": "id: cis-aws\n",
        ])
        let (checks, diagnostics) = CheckLoader.load(directory: dir)
        #expect(checks.map(\.id) == ["BLW-AWS-EC2-001"])
        #expect(diagnostics.count == 5)
        func diagnostic(_ file: String) -> Diagnostic? { diagnostics.first { $0.range?.file.hasSuffix(file) == true } }
        let syntax = try #require(diagnostic("syntax.yaml"))
        #expect(syntax.code == .syntax)
        #expect(syntax.range?.start.line == 3)
        let op = try #require(diagnostic("operator.yaml"))
        #expect(op.message.contains("unknown operator 'is_truthy'"))
        #expect(op.range?.start.line == 6)
        let dup = try #require(diagnostic("dupkey.yaml"))
        #expect(dup.message.contains("duplicate key 'id'"))
        #expect(dup.range?.start.line == 1)
        #expect(try #require(diagnostic("predicate.yaml")).message.contains("unknown predicate 'no_such_predicate'"))
        #expect(try #require(diagnostic("regex.yaml")).message.contains("invalid regular expression"))
    }

    @Test func duplicateIDsAreErrors() throws {
        let text =
            "id: BLW-AWS-EC2-001\ntitle: t\nseverity: low\nprovider: aws\nresource_types: [aws_instance]\n"
            + "condition: {attribute: ebs_optimized, operator: is_true}\n"
        let dir = try temporaryDirectory(["aws/a.yaml": text, "aws/b.yaml": text])
        let (checks, diagnostics) = CheckLoader.load(directory: dir)
        #expect(checks.count == 1)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.code == .duplicate)
        #expect(diagnostics.first?.range?.file.hasSuffix("b.yaml") == true)
        #expect(diagnostics.first?.message.contains("a.yaml") == true)
    }

    @Test func schemaViolations() throws {
        let cases: [(String, String)] = [
            ("id: S3-1\ntitle: t\nseverity: low\nprovider: aws\nresource_types: [x]\ncondition: {and: []}", "does not follow"),
            ("id: BLW-AWS-S3-001\ntitle: t\nseverity: urgent\nprovider: aws\nresource_types: [x]\ncondition: {and: []}", "severity"),
            ("id: BLW-AWS-S3-001\ntitle: t\nseverity: low\nprovider: gcp\nresource_types: [x]\ncondition: {and: []}", "provider"),
            ("id: BLW-AWS-S3-001\ntitle: t\nseverity: low\nprovider: aws\nresource_types: [x]", "missing required key 'condition'"),
            (
                "id: BLW-AWS-S3-001\ntitle: t\nseverity: low\nprovider: aws\nresource_types: [x]\ncondition: {and: []}\ncolour: red",
                "unknown key 'colour'"
            ),
            (
                "id: BLW-AWS-S3-001\ntitle: t\nseverity: low\nprovider: aws\nresource_types: [x]\ncondition: {attribute: a, operator: exists, value: 1}",
                "takes no 'value'"
            ),
            (
                "id: BLW-AWS-S3-001\ntitle: t\nseverity: low\nprovider: aws\nresource_types: [x]\ncondition: {attribute: a, operator: greater_than, value: many}",
                "must be a number"
            ),
            (
                "id: BLW-AWS-S3-001\ntitle: t\nseverity: low\nprovider: aws\nresource_types: [x]\ncondition: {attribute: a, operator: cidr_contains_any, value: [nope]}",
                "CIDR"
            ),
            (
                "id: BLW-AWS-S3-001\ntitle: t\nseverity: low\nprovider: aws\nresource_types: [x]\ncondition: {attribute: a, operator: equals, value: 1, quantifier: most}",
                "quantifier"
            ),
        ]
        for (yaml, expected) in cases {
            guard case .failure(let d) = CheckLoader.load(yaml: yaml, file: "x.yaml") else {
                Issue.record("expected failure for \(expected)")
                continue
            }
            #expect(d.message.contains(expected), "\(d.message)")
            #expect(d.range?.file == "x.yaml")
        }
    }

    /// Checks on the Terraform kubernetes provider's resources declare `provider: kubernetes`; other names stay errors.
    @Test func scopeIsAnyOrLive() throws {
        let base =
            "id: BLW-AWS-IAM-001\ntitle: t\nseverity: low\nprovider: aws\nresource_types: [aws_iam_user]\n"
            + "condition: {attribute: mfa_active, operator: is_true}\n"
        let dir = try temporaryDirectory([
            "aws/live.yaml": base + "scope: live\n",
            "aws/any.yaml": base.replacingOccurrences(of: "IAM-001", with: "IAM-002") + "scope: any\n",
            "aws/none.yaml": base.replacingOccurrences(of: "IAM-001", with: "IAM-003"),
            "aws/bad.yaml": base.replacingOccurrences(of: "IAM-001", with: "IAM-004") + "scope: cloud\n",
        ])
        let (checks, diagnostics) = CheckLoader.load(directory: dir)
        #expect(checks.filter(\.liveOnly).map(\.id) == ["BLW-AWS-IAM-001"])
        #expect(checks.count == 3)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.contains("scope must be any or live") == true)
        #expect(diagnostics.first?.range?.start.line == 7)
    }

    @Test func liveOnlyChecksRunOnLiveResourcesOnly() throws {
        let base =
            "id: BLW-AWS-IAM-001\ntitle: t\nseverity: low\nprovider: aws\nresource_types: [aws_iam_user]\n"
            + "condition: {attribute: mfa_active, operator: is_true}\nscope: live\n"
        let dir = try temporaryDirectory(["aws/live.yaml": base])
        let engine = CheckEngine(checks: CheckLoader.load(directory: dir).checks)
        let configured = Resource(
            provider: "aws", type: "aws_iam_user", name: "u",
            origin: .iac(
                SourceRange(
                    file: "main.tf", start: SourcePosition(line: 1, column: 1, byte: 0), end: SourcePosition(line: 1, column: 1, byte: 0))),
            attributes: [:])
        var live = configured
        live.origin = .live(Resource.LiveOrigin(id: "arn:aws:iam::123456789012:user/u", account: "123456789012", region: nil))
        #expect(engine.evaluate(graph: ResourceGraph([configured])).isEmpty)
        let results = engine.evaluate(graph: ResourceGraph([live]))
        #expect(results.count == 1)
        #expect(results.first?.verdict == .failed)
    }

    @Test func kubernetesIsAProvider() throws {
        let yaml =
            "id: BLW-K8S-WORKLOAD-001\ntitle: t\nseverity: low\nprovider: kubernetes\nresource_types: [kubernetes_pod]\ncondition: {and: []}"
        let check = try CheckLoader.load(yaml: yaml, file: "k.yaml").get()
        #expect(check.provider == "kubernetes")
        guard case .failure(let d) = CheckLoader.load(yaml: yaml.replacingOccurrences(of: "kubernetes\n", with: "k8s\n"), file: "k.yaml")
        else {
            Issue.record("provider k8s loaded")
            return
        }
        #expect(d.message.contains("provider must be aws, azure or kubernetes"))
    }

    @Test func predicatesFromCode() throws {
        var registry = PredicateRegistry()
        registry.register(Predicate(name: "always") { _ in Outcome(.true, "yes") })
        let yaml = "id: BLW-AWS-S3-001\ntitle: t\nseverity: low\nprovider: aws\nresource_types: [x]\ncondition: {predicate: always}"
        guard case .success(let check) = CheckLoader.load(yaml: yaml, file: "x.yaml", predicates: registry) else {
            Issue.record("custom predicate did not load")
            return
        }
        let r = makeResource("x", "a")
        #expect(ConditionEvaluator(graph: ResourceGraph([r])).evaluate(check.condition, on: r).truth == .true)
    }
}
