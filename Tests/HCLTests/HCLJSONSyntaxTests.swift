import Foundation
import HCL
import Model
import Testing

/// Paths of the JSON syntax fixtures, found next to this source file.
enum JSONSyntaxFixtures {
    static func bytes(_ relative: String) throws -> [UInt8] {
        let file = #filePath
        let directory = file[..<(file.lastIndex(of: "/") ?? file.endIndex)]
        let path = directory + "/Fixtures/json/" + relative
        return try #require(JSONSyntaxFixtures.read(path), "cannot read \(path)")
    }

    private static func read(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }
}

@Suite struct HCLJSONSyntaxTests {
    func parse(_ name: String, schema: JSONBodySchema = .terraform) throws -> ParsedFile {
        HCLJSONSyntax.parse(try JSONSyntaxFixtures.bytes(name), filename: name, schema: schema)
    }

    /// `var.env` for a traversal expression, nil for anything else.
    func traversal(_ expression: HCL.Expression) -> String? {
        switch expression.kind {
        case .variable(let name): return name
        case .getAttribute(let source, let name): return traversal(source).map { $0 + "." + name }
        case .index(let source, _): return traversal(source).map { $0 + "[]" }
        default: return nil
        }
    }

    /// The traversals interpolated into a template expression.
    func interpolations(_ expression: HCL.Expression) -> [String] {
        guard case .template(let parts) = expression.kind else { return [] }
        return parts.compactMap { part in
            if case .interpolation(let inner) = part { return traversal(inner) ?? "?" }
            return nil
        }
    }

    func literal(_ expression: HCL.Expression?) -> Value? {
        guard let expression, case .literal(let value) = expression.kind else { return nil }
        return value
    }

    @Test func topLevelBlocksAndLabels() throws {
        let file = try parse("main.tf.json")
        #expect(file.diagnostics.isEmpty, "\(file.diagnostics)")
        let body = file.body
        #expect(body.attributes.isEmpty)
        #expect(
            body.blocks.map(\.type) == [
                "terraform", "provider", "provider", "variable", "variable", "locals", "resource", "resource",
                "resource", "data", "module", "output", "check",
            ])
        let resources = body.blocks(ofType: "resource")
        #expect(resources.map(\.labels) == [["aws_s3_bucket", "logs"], ["aws_s3_bucket", "assets"], ["aws_security_group", "web"]])
        let logs = resources[0]
        #expect(logs.typeRange.start.line == 26)
        #expect(logs.labelRanges[0].start == SourcePosition(line: 27, column: 5, byte: logs.labelRanges[0].start.byte))
        #expect(logs.labelRanges[1].start.line == 28)
        #expect(logs.range.end.line == 35)
        // Repeated blocks: an array of bodies under one key.
        let providers = body.blocks(ofType: "provider")
        #expect(providers.map(\.labels) == [["aws"], ["aws"]])
        #expect(literal(providers[1].body.attribute("alias")?.expression) == .string("us"))
        #expect(body.blocks(ofType: "data").first?.body.attributes.isEmpty == true)
    }

    @Test func attributesCommentsAndNestedTerraformBlocks() throws {
        let body = try parse("main.tf.json").body
        let logs = try #require(body.blocks(ofType: "resource").first)
        // The "//" comment property is not an attribute.
        #expect(logs.body.attributes.map(\.name) == ["bucket", "count", "tags", "depends_on"])
        let lifecycle = try #require(logs.body.blocks(ofType: "lifecycle").first)
        #expect(literal(lifecycle.body.attribute("prevent_destroy")?.expression) == .bool(true))
        let bucket = try #require(logs.body.attribute("bucket"))
        #expect(bucket.nameRange.start.line == 30)
        #expect(bucket.nameRange.start.column == 9)
        #expect(bucket.range.start == bucket.nameRange.start)
        #expect(bucket.expression.range.start.column == 19)
        let terraform = try #require(body.blocks(ofType: "terraform").first)
        #expect(terraform.body.attributes.map(\.name) == ["required_version"])
        #expect(terraform.body.blocks.map(\.type) == ["required_providers", "backend"])
        #expect(terraform.body.blocks(ofType: "backend").first?.labels == ["s3"])
        let variable = try #require(body.blocks(ofType: "variable").first)
        #expect(variable.body.blocks.map(\.type) == ["validation"])
        #expect(body.blocks(ofType: "check").first?.body.blocks.map(\.type) == ["assert"])
    }

    @Test func providerSchemaBlocksStayAttributesButTerraformOnesAreBlocks() throws {
        let body = try parse("main.tf.json").body
        let web = try #require(body.blocks(ofType: "resource").last)
        #expect(web.body.attributes.map(\.name) == ["name", "ingress"])
        guard case .tuple(let rules)? = web.body.attribute("ingress")?.expression.kind,
            case .object(let items)? = rules.first?.kind
        else {
            Issue.record("ingress is not a tuple of objects")
            return
        }
        #expect(items.map { literal($0.key) } == ["from_port", "to_port", "protocol", "cidr_blocks"].map { Value.string($0) })
        #expect(items.allSatisfy { !$0.keyIsIdentifier })
        let dynamic = try #require(web.body.blocks(ofType: "dynamic").first)
        #expect(dynamic.labels == ["egress"])
        #expect(dynamic.body.attributes.map(\.name) == ["for_each"])
        let content = try #require(dynamic.body.blocks(ofType: "content").first)
        #expect(content.body.attributes.map(\.name) == ["from_port", "cidr_blocks"])
        let provisioner = try #require(web.body.blocks(ofType: "provisioner").first)
        #expect(provisioner.labels == ["local-exec"])
        #expect(provisioner.body.blocks.map(\.type) == ["connection"])
    }

    @Test func stringsAreTemplates() throws {
        let body = try parse("main.tf.json").body
        let logs = try #require(body.blocks(ofType: "resource").first)
        let bucket = try #require(logs.body.attribute("bucket")?.expression)
        #expect(interpolations(bucket) == ["local.name_prefix"])
        #expect(bucket.range.start.line == 30)
        #expect(bucket.range.start.column == 19)
        // Meta-arguments given as strings stay templates; the loader interprets them.
        #expect(interpolations(try #require(logs.body.attribute("count")?.expression)) == ["var.bucket_count"])
        guard case .tuple(let deps)? = logs.body.attribute("depends_on")?.expression.kind else {
            Issue.record("depends_on is not a tuple")
            return
        }
        #expect(literal(deps.first) == .string("aws_kms_key.logs"))
        // Object keys are templates too.
        guard case .object(let tags)? = logs.body.attribute("tags")?.expression.kind else {
            Issue.record("tags is not an object")
            return
        }
        #expect(literal(tags[0].key) == .string("Name"))
        #expect(interpolations(tags[1].key) == ["var.env"])
        #expect(
            literal(try #require(body.blocks(ofType: "module").first?.body.attribute("source")?.expression)) == .string("./modules/network")
        )
        let output = try #require(body.blocks(ofType: "output").first?.body.attribute("value")?.expression)
        #expect(interpolations(output).count == 1)
    }

    @Test func interpolationPositionsStartAfterTheQuote() throws {
        let text = #"{"a": "${var.x}"}"#
        let file = HCLJSONSyntax.parse(Array(text.utf8), filename: "p.tf.json", schema: .attributesOnly)
        let expression = try #require(file.body.attribute("a")?.expression)
        #expect(expression.range.start.column == 7)
        #expect(expression.range.end.column == 17)
        guard case .template(let parts) = expression.kind, case .interpolation(let inner)? = parts.first else {
            Issue.record("not a template: \(expression.kind)")
            return
        }
        // `var` starts after `"${`: column 10, byte 9.
        #expect(inner.range.start.column == 10)
        #expect(inner.range.start.byte == 9)
        #expect(inner.range.file == "p.tf.json")
    }

    @Test func tfvarsJSONIsAttributesOnly() throws {
        let file = try parse("terraform.tfvars.json", schema: .attributesOnly)
        #expect(file.diagnostics.isEmpty, "\(file.diagnostics)")
        #expect(file.body.blocks.isEmpty)
        #expect(
            file.body.attributes.map(\.name) == ["env", "bucket_count", "enabled", "nothing", "resource", "egress_rules", "literal_dollar"])
        #expect(literal(file.body.attribute("env")?.expression) == .string("staging"))
        #expect(literal(file.body.attribute("bucket_count")?.expression) == .number(3))
        #expect(literal(file.body.attribute("enabled")?.expression) == .bool(true))
        #expect(literal(file.body.attribute("nothing")?.expression) == .null)
        guard case .object? = file.body.attribute("resource")?.expression.kind else {
            Issue.record("resource is not an object expression")
            return
        }
        // `$${` is an escaped template opener: the template parser turns it into a literal `${`.
        #expect(literal(file.body.attribute("literal_dollar")?.expression) == .string("${not_interpolated}"))
    }

    @Test func badBlockShapesAreReportedAndGoodBlocksKept() throws {
        let file = try parse("malformed/bad-blocks.tf.json")
        let resources = file.body.blocks(ofType: "resource")
        #expect(resources.map { $0.labels.joined(separator: ".") } == ["aws_s3_bucket.good", "aws_s3_bucket.listed"])
        // Two locals blocks from the array plus the first object: repeated keys are repeated blocks.
        #expect(file.body.blocks(ofType: "locals").count == 3)
        #expect(file.diagnostics.count == 5, "\(file.diagnostics)")
        #expect(file.diagnostics.allSatisfy { $0.code == .syntax && $0.severity == .error })
        let lines = file.diagnostics.compactMap { $0.range?.start.line }.sorted()
        // Line 8 twice: each element of the label array is reported.
        #expect(lines == [5, 6, 8, 8, 12])
        #expect(!file.isValid)
    }

    @Test func duplicateArgumentsAndSyntaxErrors() throws {
        let duplicate = try parse("malformed/duplicate.tf.json")
        #expect(duplicate.diagnostics.map(\.code) == [.duplicate])
        #expect(duplicate.diagnostics.first?.range?.start.column == 50)
        #expect(duplicate.body.blocks.first?.body.attributes.map(\.name) == ["bucket", "acl"])
        let trailing = try parse("malformed/trailing-comma.tf.json")
        #expect(trailing.diagnostics.map(\.code) == [.syntax])
        #expect(trailing.diagnostics.first?.range?.start.line == 3)
        #expect(trailing.body.blocks.isEmpty)
    }

    @Test func rootShapesAndDepth() {
        let array = HCLJSONSyntax.parse(Array(#"[{"a": 1}, {"b": 2}]"#.utf8), filename: "a.json", schema: .attributesOnly)
        #expect(array.diagnostics.isEmpty)
        #expect(array.body.attributes.map(\.name) == ["a", "b"])
        let scalar = HCLJSONSyntax.parse(Array("42".utf8), filename: "s.json")
        #expect(scalar.diagnostics.count == 1)
        let deep = String(repeating: "[", count: 50) + String(repeating: "]", count: 50)
        let tooDeep = HCLJSONSyntax.parse(Array(#"{"a": \#(deep)}"#.utf8), filename: "d.json", maxDepth: 20)
        #expect(tooDeep.diagnostics.map(\.code) == [.tooDeep])
        let empty = HCLJSONSyntax.parse([], filename: "e.json")
        #expect(empty.diagnostics.map(\.code) == [.syntax])
    }

    @Test func customSchemaNestsLabels() throws {
        let schema = JSONBodySchema(blockTypes: [
            "service": JSONBlockSchema(labels: 2, body: { JSONBodySchema(blockTypes: ["process": JSONBlockSchema(labels: 1)]) })
        ])
        let text = #"{"service": {"http": {"web": [{"listen": ":80", "process": {"main": {"cmd": "run"}}}, {"listen": ":81"}]}}}"#
        let file = HCLJSONSyntax.parse(Array(text.utf8), filename: "svc.json", schema: schema)
        #expect(file.diagnostics.isEmpty)
        #expect(file.body.blocks.map(\.labels) == [["http", "web"], ["http", "web"]])
        #expect(file.body.blocks[0].body.blocks.first?.labels == ["main"])
        #expect(file.body.blocks[1].body.blocks.isEmpty)
    }
}
