import Model
import Testing

@testable import Drift

@Suite(".bulwarkignore")
struct DriftIgnoreTests {
    static let text = """
        # scratch buckets are nobody's
        aws_s3_bucket.scratch-*

        aws_iam_user.*
        !aws_iam_user.ci-deployer
        aws_instance.i-0app.tags.Owner
        aws_s3_bucket.acme\\.logs.versioning
        azurerm_*.*/resourcegroups/sandbox/*
        """

    @Test("whole resources, wildcards, negation, escaped dots and single attributes")
    func rules() {
        let (ignore, diagnostics) = DriftIgnore.parse(Self.text, file: ".bulwarkignore")
        #expect(diagnostics.isEmpty)
        #expect(ignore.rules.count == 6)
        #expect(ignore.ignoresResource(type: "aws_s3_bucket", ids: ["scratch-1"]))
        #expect(!ignore.ignoresResource(type: "aws_s3_bucket", ids: ["prod-1"]))
        #expect(ignore.ignoresResource(type: "aws_iam_user", ids: ["alice"]))
        #expect(!ignore.ignoresResource(type: "aws_iam_user", ids: ["ci-deployer"]))
        #expect(ignore.ignoresResource(type: "azurerm_storage_account", ids: ["/subscriptions/1/resourcegroups/sandbox/x"]))
        #expect(!ignore.ignoresResource(type: "aws_instance", ids: ["i-0app"]), "an attribute rule does not ignore the resource")
        #expect(ignore.ignoresAttribute(type: "aws_instance", ids: ["i-0app"], path: "tags.Owner", pattern: "tags.Owner"))
        #expect(!ignore.ignoresAttribute(type: "aws_instance", ids: ["i-0app"], path: "tags.Team", pattern: "tags.Team"))
        #expect(ignore.rules[4] == DriftIgnore.Rule(type: "aws_s3_bucket", id: "acme.logs", attribute: "versioning", line: 7))
        #expect(
            ignore.ignoresAttribute(type: "aws_s3_bucket", ids: ["acme.logs"], path: "versioning[0].enabled", pattern: "versioning.enabled")
                == false, "a rule names one path; children are covered by the detector stopping at the parent")
        #expect(ignore.ignoresAttribute(type: "aws_s3_bucket", ids: ["acme.logs"], path: "versioning", pattern: "versioning"))
    }

    @Test("bad lines are diagnostics at file:line:column and the good lines still apply")
    func badLines() {
        let text = "aws_s3_bucket\n  Bad-Type.x\naws_s3_bucket.\naws_s3_bucket.x..y\naws_s3_bucket.ok\nfoo.bar\\"
        let (ignore, diagnostics) = DriftIgnore.parse(text, file: "repo/.bulwarkignore")
        #expect(
            diagnostics.map(\.description) == [
                "repo/.bulwarkignore:1:1: error: expected 'type.id' or 'type.id.attribute', found \"aws_s3_bucket\"",
                "repo/.bulwarkignore:2:3: error: invalid resource type \"Bad-Type\" (lower-case letters, digits, '_' and '*')",
                "repo/.bulwarkignore:3:1: error: missing resource ID after \"aws_s3_bucket.\"",
                "repo/.bulwarkignore:4:1: error: empty attribute name in \".y\"",
                "repo/.bulwarkignore:6:1: error: a rule cannot end with '\\'",
            ])
        #expect(diagnostics.allSatisfy { $0.code == .invalidIgnoreRule })
        #expect(ignore.rules.map(\.id) == ["ok"])
    }

    @Test("the detector drops ignored resources from every list and ignored attributes from changes")
    func detectorApplies() {
        let (ignore, _) = DriftIgnore.parse(Self.text, file: ".bulwarkignore")
        let desired = [
            Support.state("aws_instance", "app", ["id": "i-0app", "tags": .object(["Owner": "a", "Team": "x"])]),
            Support.state("aws_s3_bucket", "scratch", ["id": "scratch-7"]),
        ]
        let live = [
            Support.live("aws_instance", "i-0app", ["tags": .map(["Owner": "b", "Team": "y"])]),
            Support.live("aws_iam_user", "alice"),
            Support.live("aws_iam_user", "ci-deployer"),
        ]
        let report = DriftDetector(ignore: ignore).detect(desired: desired, live: live)
        #expect(report.changed.map(\.attribute) == ["tags.Team"])
        #expect(report.missing.isEmpty, "the ignored scratch bucket is not missing")
        #expect(report.unmanaged.map(\.id) == ["ci-deployer"])
        #expect(report.liveCount == 2)
    }

    @Test("a missing ignore file is empty, not an error")
    func missingFile() {
        let (ignore, diagnostics) = DriftIgnore.load(file: "/nonexistent/.bulwarkignore")
        #expect(ignore.rules.isEmpty && diagnostics.isEmpty)
    }
}
