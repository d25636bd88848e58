import Model
import Testing

@testable import HCL

/// `code line:column message` for each diagnostic, for compact assertions.
private func diags(_ file: ParsedFile) -> [String] {
    file.diagnostics.map { "\($0.code) \($0.range.map { at($0.start) } ?? "-") \($0.message)" }
}

@Suite("Parser: errors and recovery")
struct ParserErrorTests {
    @Test("Missing equals sign names what was expected and found")
    func missingEquals() {
        let file = parse("foo\nbar = 1\n")
        #expect(
            diags(file) == [
                "syntax 1:1/0 Expected \"=\" or \"{\" after \"foo\", found newline; an attribute needs an equals sign and a block needs a body in braces"
            ])
        #expect(file.body.attribute("bar") != nil)
    }

    @Test("Comma-separated attributes: error at the comma (spec suite position)")
    func commaAfterAttribute() {
        let file = parse("a = \"a value\", b = \"b value\"\nc = 3\n")
        #expect(file.diagnostics.count == 1)
        #expect(span(file.diagnostics[0].range) == "1:14/13-1:15/14")
        #expect(file.body.attributes.map(\.name) == ["a", "c"])
    }

    @Test("Single-line block misuse is reported at HCL's positions")
    func singleLineBlocks() {
        let file = parse("a { b = \"foo\", c = \"bar\" }\na { b = \"foo\"\n}\na { d {} }\nok = 1\n")
        #expect(file.diagnostics.map { span($0.range) } == ["1:14/13-1:15/14", "2:14/40-3:1/41", "4:5/47-4:8/50"])
        #expect(file.diagnostics[2].message.contains("cannot contain a nested block"))
        #expect(file.body.blocks.count == 3)
        #expect(file.body.attribute("ok") != nil)
    }

    @Test("Closing brace on the attribute's line in a multi-line block is an error")
    func braceAfterAttribute() {
        let file = parse("b {\n  a = 1 }\nc = 2\n")
        #expect(diags(file).first == "syntax 2:9/12 Expected a newline after the value of \"a\", found \"}\"")
        #expect(file.body.attribute("c") != nil)
    }

    @Test("Something after a block's closing brace on the same line")
    func afterBlock() {
        let file = parse("b {} c = 1\nd = 2\n")
        #expect(diags(file) == ["syntax 1:6/5 Expected a newline after the closing brace of block \"b\", found \"c\""])
        #expect(file.body.attributes.map(\.name) == ["d"])
    }

    @Test("Unclosed block points at its opening brace")
    func unclosedBlock() {
        let file = parse("a {\n  b = 1\n")
        #expect(diags(file) == ["syntax 1:3/2 Unclosed block: expected \"}\" to close the block opened here, found end of file"])
        #expect(file.body.blocks.first?.body.attribute("b") != nil)
    }

    @Test("Unterminated quoted string stops at the line end and parsing resumes")
    func unterminatedString() {
        let file = parse("a = \"abc\nb = 2\n")
        #expect(file.diagnostics.count == 1)
        #expect(file.diagnostics.first?.message.hasPrefix("Unterminated string") == true)
        #expect(span(file.diagnostics.first?.range) == "1:9/8-2:1/9")
        #expect(file.body.attribute("b") != nil)
    }

    @Test("Unterminated heredoc, interpolation and comment")
    func unterminatedOthers() {
        let heredoc = parse("a = 1\nb = <<EOT\nline\n")
        #expect(diags(heredoc) == ["syntax 2:5/10 Unterminated heredoc: expected a line containing only \"EOT\", found end of file"])
        #expect(heredoc.body.attribute("a") != nil)
        let noNewline = parse("b = <<EOT\nline\nEOT")
        #expect(noNewline.diagnostics.count == 1)
        let interpolation = parse("a = \"${x\"\nb = 1\n")
        #expect(!interpolation.isValid)
        let nested = parse("a = \"${\"x\nb = 1\n")
        #expect(nested.diagnostics.count == 1)
        #expect(nested.body.attribute("b") != nil)
        let comment = parse("a = 1\n/* never closed\nb = 2\n")
        #expect(
            diags(comment) == ["syntax 2:1/6 Unterminated comment: expected \"*/\" to close the comment opened here, found end of file"])
        #expect(comment.body.attribute("a") != nil)
    }

    @Test("Invalid escapes are reported at the escape")
    func invalidEscapes() {
        #expect(
            diags(parse("a = \"x\\qy\"\n")) == [
                "syntax 1:7/6 Invalid escape sequence \"\\q\": expected one of \\n, \\r, \\t, \\\", \\\\, \\uNNNN or \\UNNNNNNNN"
            ])
        #expect(diags(parse("a = \"\\u12\"\n")).first?.contains("four hexadecimal digits") == true)
        #expect(diags(parse("a = \"\\uD800\"\n")).first?.contains("not a Unicode character") == true)
        #expect(diags(parse("a = \"\\U00110000\"\n")).count == 1)
    }

    @Test("Expression-level errors")
    func expressionErrors() {
        #expect(diags(parse("a = 1 +\n")) == ["syntax 1:8/7 Expected an expression, found newline"])
        #expect(diags(parse("a = [1 2]\n")) == ["syntax 1:8/7 Expected \",\" or \"]\" after a tuple element, found number 2"])
        #expect(diags(parse("a = f(1 2)\n")) == ["syntax 1:9/8 Expected \",\" or \")\" after argument 1 of \"f\", found number 2"])
        #expect(diags(parse("a = f(x..., y)\n")).count == 1)
        #expect(diags(parse("a = {a = 1 b = 2}\n")) == ["syntax 1:12/11 Expected a newline or \",\" after the object item, found \"b\""])
        #expect(diags(parse("a = {a}\n")) == ["syntax 1:7/6 Expected \"=\" or \":\" after the object key, found \"}\""])
        #expect(
            diags(parse("a = x ? 1\n")) == ["syntax 1:10/9 Expected \":\" and a false result in the conditional expression, found newline"])
        #expect(diags(parse("a = x.\n")) == ["syntax 1:7/6 Expected an attribute name after \".\", found newline"])
        #expect(diags(parse("a = x.*.*\n")).first?.contains("cannot be nested") == true)
        #expect(diags(parse("a = foo.0.1\n")).first?.contains("chained legacy indexes") == true)
        #expect(diags(parse("a = 1.2.3\n")) == ["syntax 1:5/4 Invalid number literal \"1.2.3\""])
        #expect(diags(parse("a = [for x in y : x => x]\n")).first?.contains("tuple for expression cannot have a key") == true)
        #expect(diags(parse("a = {for x in y : x}\n")).first?.contains("needs a key") == true)
        #expect(diags(parse("a = [for x in y : x...]\n")).first?.contains("Grouping") == true)
        #expect(diags(parse("a = 1 & 2\n")) == ["syntax 1:7/6 Expected a newline after the value of \"a\", found invalid character \"&\""])
        #expect(
            diags(parse("a = (1\n")) == ["syntax 1:7/6 Expected \")\" to close the parenthesis, found newline"]
                || !parse("a = (1\n").isValid)
    }

    @Test("Template errors")
    func templateErrors() {
        #expect(
            diags(parse("a = \"%{ foo }\"\n")) == [
                "syntax 1:9/8 Unknown template directive \"foo\": expected if, for, else, endif or endfor"
            ])
        #expect(diags(parse("a = \"%{ endif }\"\n")).first?.contains("Unexpected %{endif}") == true)
        #expect(diags(parse("a = \"%{ if x }\"\n")).first?.contains("Unterminated %{if}") == true)
        #expect(diags(parse("a = \"${ x y }\"\n")) == ["syntax 1:11/10 Expected \"}\" to end the interpolation, found \"y\""])
        #expect(diags(parse("b \"${x}\" {}\n")).first?.contains("not allowed in block labels") == true)
    }

    @Test("Structural errors: quoted names, stray braces, equals in block header")
    func structuralErrors() {
        #expect(diags(parse("\"a\" = 1\nb = 2\n")).first?.contains("attribute names must not be quoted") == true)
        let stray = parse("}\na = 1\n")
        #expect(diags(stray) == ["syntax 1:1/0 Unexpected \"}\": there is no open block to close"])
        #expect(stray.body.attribute("a") != nil)
        #expect(diags(parse("b \"x\" = 1\n")).first?.contains("Unexpected \"=\" in the definition of block") == true)
        #expect(diags(parse("b \"x\"\n{\n}\n")).first?.hasPrefix("syntax 1:6/5 Expected \"{\" to open the body of block \"b\"") == true)
    }

    @Test("Recovery keeps attributes and blocks before and after errors")
    func recovery() {
        let file = parse(
            """
            before = 1
            broken = [1, 2
            resource "a" "b" {
              x = )
              y = 2
              nested {
                z = ???
              }
              w = 3
            }
            after = { k = "v" }
            also_broken = "x" "y"
            last { ok = true }
            """)
        #expect(!file.isValid)
        #expect(file.body.attribute("before") != nil)
        let names = file.body.attributes.map(\.name) + file.body.blocks.map(\.type)
        #expect(names.contains("before"))
        let parse2 = parse("a = 1\nb = [\n  1,\n  2 3,\n]\nc { d = ) }\ne = 5\nf {\n  g = (\n}\nh = 6\n")
        #expect(parse2.body.attributes.map(\.name) == ["a", "e", "h"])
        #expect(parse2.body.blocks.map(\.type) == ["c", "f"])
        #expect(parse2.diagnostics.count == 3)
    }
}
