import Foundation
import Model
import Testing

@testable import HCL

@Suite("Parser: bodies, blocks and ranges")
struct ParserStructureTests {
    @Test("Empty, whitespace-only and comment-only files are valid empty bodies")
    func emptyFiles() {
        for source in ["", "\n\n   \n\t\n", "# only a comment", "// c\n/* multi\nline */\n", "\u{FEFF}"] {
            let file = parse(source)
            #expect(file.isValid, "\(source.debugDescription)")
            #expect(file.body.attributes.isEmpty && file.body.blocks.isEmpty)
        }
    }

    @Test("Blocks with identifier and quoted labels, nested blocks, attributes in order")
    func blocks() throws {
        let file = parse(
            """
            terraform {
              required_version = ">= 1.5"
            }
            resource "aws_s3_bucket" logs {
              bucket = "logs"
              versioning {
                enabled = true
              }
              rule { id = "a" }
              rule {}
            }
            """)
        #expect(file.isValid)
        #expect(file.body.blocks.map(\.type) == ["terraform", "resource"])
        let resource = file.body.blocks[1]
        #expect(resource.labels == ["aws_s3_bucket", "logs"])
        #expect(resource.body.attributes.map(\.name) == ["bucket"])
        #expect(resource.body.blocks.map(\.type) == ["versioning", "rule", "rule"])
        #expect(resource.body.blocks(ofType: "rule")[0].body.attribute("id").map { sexpr($0.expression) } == "\"a\"")
        #expect(resource.body.blocks(ofType: "rule")[1].body.attributes.isEmpty)
    }

    @Test("Labels decode escapes")
    func labelEscapes() {
        let file = parse("b \"a\\\"b\\u0041\" {}\n")
        #expect(file.isValid)
        #expect(file.body.blocks.first?.labels == ["a\"bA"])
    }

    @Test("Comments of every form end lines like newlines do")
    func comments() {
        let file = parse("a = 1 # hash\nb = 2 // slashes\nc = /* inline */ 3\n/* block\n comment */ d = 4\n")
        #expect(file.isValid)
        #expect(file.body.attributes.map(\.name) == ["a", "b", "c", "d"])
    }

    @Test("Attribute, block, label and expression ranges")
    func ranges() throws {
        let source = "locals {\n  name = \"x-${var.env}\"\n}\nresource \"t\" \"n\" {\n  count = 2\n}\n"
        let file = parse(source, filename: "main.tf")
        #expect(file.isValid)
        let locals = file.body.blocks[0]
        #expect(span(locals.range) == "1:1/0-3:2/34")
        #expect(span(locals.typeRange) == "1:1/0-1:7/6")
        #expect(span(locals.body.range) == "1:8/7-3:2/34")
        let name = try #require(locals.body.attribute("name"))
        #expect(span(name.range) == "2:3/11-2:24/32")
        #expect(span(name.nameRange) == "2:3/11-2:7/15")
        #expect(span(name.expression.range) == "2:10/18-2:24/32")
        #expect(name.range.file == "main.tf")
        guard case .template(let parts) = name.expression.kind, case .interpolation(let inner) = parts[1] else {
            Issue.record("expected template")
            return
        }
        #expect(span(inner.range) == "2:15/23-2:22/30")
        let resource = file.body.blocks[1]
        #expect(span(resource.range) == "4:1/35-6:2/67")
        #expect(resource.labelRanges.map(span) == ["4:10/44-4:13/47", "4:14/48-4:17/51"])
        #expect(span(file.body.range) == "1:1/0-7:1/68")
    }

    @Test("Columns count Unicode scalars; bytes count UTF-8")
    func unicodeColumns() throws {
        let file = parse("a = \"ЖЖ\" + b\n")
        let attribute = try #require(file.body.attribute("a"))
        guard case .binary(_, let lhs, let rhs) = attribute.expression.kind else {
            Issue.record("expected binary")
            return
        }
        #expect(span(lhs.range) == "1:5/4-1:9/10")
        #expect(span(rhs.range) == "1:12/13-1:13/14")
    }

    @Test("Node ranges for traversals, splats, calls, conditionals and heredocs")
    func expressionRanges() throws {
        let file = parse("a = x[*].id\nb = f(1, 2)\nc = p ? q : r\nd = <<EOT\nhi\nEOT\ne = -n\n")
        func expression(_ name: String) -> HCL.Expression? { file.body.attribute(name)?.expression }
        #expect(span(expression("a")?.range) == "1:5/4-1:12/11")
        if case .splat(let source, let each)? = expression("a")?.kind {
            #expect(span(source.range) == "1:5/4-1:6/5")
            #expect(span(each.range) == "1:6/5-1:12/11")
        } else {
            Issue.record("expected splat")
        }
        #expect(span(expression("b")?.range) == "2:5/16-2:12/23")
        #expect(span(expression("c")?.range) == "3:5/28-3:14/37")
        #expect(span(expression("d")?.range) == "4:5/42-6:4/54")
        #expect(span(expression("e")?.range) == "7:5/59-7:7/61")
    }

    @Test("CRLF line endings are newlines")
    func crlf() {
        let file = parse("a = 1\r\nb {\r\n  c = \"x\"\r\n}\r\n")
        #expect(file.isValid)
        #expect(file.body.attributes.count == 1 && file.body.blocks.count == 1)
        #expect(span(file.body.blocks[0].range) == "2:1/7-4:2/24")
    }

    @Test("A file without a trailing newline is fine")
    func noTrailingNewline() {
        #expect(parse("a = 1").isValid)
        #expect(parse("b {\n}").isValid)
        #expect(parse("b { a = 1 }").isValid)
    }

    @Test("parseFile reads, names and stats files")
    func parseFile() throws {
        let path = "/tmp/bulwark-parser-test-\(getpid()).tf"
        let data = Array("a = 1\n".utf8)
        let handle = fopen(path, "w")
        fwrite(data, 1, data.count, handle)
        fclose(handle)
        defer { unlink(path) }
        let file = HCLParser.parseFile(atPath: path, displayName: "main.tf")
        #expect(file.isValid && file.filename == "main.tf")
        #expect(file.body.attribute("a")?.range.file == "main.tf")
        let small = HCLParser.parseFile(atPath: path, limits: ParserLimits(maxFileSize: 3))
        #expect(small.diagnostics.map(\.code) == [.fileTooLarge])
        let missing = HCLParser.parseFile(atPath: "/nonexistent/dir/x.tf")
        #expect(missing.diagnostics.map(\.code) == [.io])
        #expect(missing.diagnostics.first?.message.contains("No such file") == true)
        let directory = HCLParser.parseFile(atPath: "/tmp")
        #expect(directory.diagnostics.map(\.code) == [.io])
    }
}
