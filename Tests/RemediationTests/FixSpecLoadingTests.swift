import Checks
import Model
import Testing

/// The `fix:` key of check files: the vocabulary compiles, and bad shapes are errors at file:line:column.
@Suite("Fix declarations")
struct FixSpecLoadingTests {
    static func check(_ fix: String) -> String {
        """
        id: BLW-TEST-X-001
        title: t
        severity: low
        provider: aws
        resource_types: [aws_instance]
        condition: {attribute: a, operator: exists}
        \(fix)
        """
    }

    @Test("every action form compiles, with derived IDs and summaries")
    func vocabulary() throws {
        let yaml = Self.check(
            """
            fix:
              set: {path: metadata_options.http_tokens, value: required}
              remove: {path: cidr_blocks, value: 0.0.0.0/0}
              add_block: {path: versioning, body: {enabled: true}}
              add_resource:
                type: aws_s3_bucket_versioning
                reference: bucket
                unless_block: versioning
                body:
                  versioning_configuration: {status: Enabled}
              named: {name: sg_ingress_admin_cidr, arguments: {port: 22}}
            """)
        let check = try CheckLoader.load(yaml: yaml, file: "c.yaml").get()
        let fix = try #require(check.fix)
        #expect(fix.id == "set-attribute:metadata_options.http_tokens")
        #expect(fix.summary.hasPrefix("set metadata_options.http_tokens = \"required\"; remove \"0.0.0.0/0\" from cidr_blocks"))
        #expect(fix.actions.count == 5)
        #expect(
            fix.actions[0] == .set(SetAttributeAction(path: ["metadata_options", "http_tokens"], value: .literal(.string("required")))))
        #expect(
            fix.actions[3]
                == .addResource(
                    AddResourceAction(
                        type: "aws_s3_bucket_versioning", reference: "bucket",
                        body: FixBody([.block("versioning_configuration", FixBody([.attribute("status", .literal(.string("Enabled")))]))]),
                        unlessBlock: "versioning")))
        #expect(fix.actions[4] == .named(NamedFixAction(name: "sg_ingress_admin_cidr", arguments: ["port": .number(22)])))
        #expect(fix.source?.start.line == 8)
    }

    @Test("a parameter stands in for a literal")
    func parameter() throws {
        let check = try CheckLoader.load(yaml: Self.check("fix:\n  set: {path: cidr_ipv4, param: admin_cidr}"), file: "c.yaml").get()
        #expect(check.fix?.actions == [.set(SetAttributeAction(path: ["cidr_ipv4"], value: .parameter("admin_cidr")))])
    }

    @Test(
        "bad shapes are errors with file, line and column",
        arguments: [
            ("fix: {}", "at least one action", 7),
            ("fix:\n  sett: {path: a, value: b}", "unknown key 'sett'", 8),
            ("fix:\n  set: {path: a}", "exactly one of 'value' or 'param'", 8),
            ("fix:\n  set: {path: \"a.*.b\", value: 1}", "no wildcards", 8),
            ("fix:\n  set: {path: a, param: nope}", "unknown fix parameter 'nope'", 8),
            ("fix:\n  summary: \"two\\nlines\"\n  set: {path: a, value: 1}", "one line", 8),
            ("fix:\n  add_resource: {reference: bucket}", "needs a 'type'", 8),
            ("fix:\n  set: {path: a, value: 1, create: maybe}", "true or false", 8),
        ])
    func errors(_ text: String, _ message: String, _ line: Int) {
        switch CheckLoader.load(yaml: Self.check(text), file: "bad.yaml") {
        case .success: Issue.record("\(text) must not load")
        case .failure(let diagnostic):
            #expect(diagnostic.message.contains(message), "\(diagnostic.message)")
            #expect(diagnostic.range?.file == "bad.yaml")
            #expect(diagnostic.range?.start.line == line, "\(diagnostic)")
            #expect((diagnostic.range?.start.column ?? 0) > 0)
        }
    }
}
