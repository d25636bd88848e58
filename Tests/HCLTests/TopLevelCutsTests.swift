import Model
import Testing

@testable import HCL

@Suite("Top-level cuts: a file split between its items by the lexer alone")
struct TopLevelCutsTests {
    /// The pieces of `text` at its cuts.
    static func pieces(_ text: String) -> [String]? {
        let bytes = Array(text.utf8)
        guard let cuts = HCLParser.topLevelCuts(bytes) else { return nil }
        var start = 0
        return (cuts + [bytes.count]).map { cut in
            defer { start = cut }
            return String(decoding: bytes[start..<cut], as: UTF8.self)
        }
    }

    @Test("each piece is one item with the comments and blank lines before it; the last runs to the end")
    func commentsTravelWithTheNextItem() throws {
        let text = """
            # leading comment
            resource "a" "one" {
              tags = { Name = "x" } # trailing
            }

            /* a block comment
               over lines */
            resource "a" "two" {}
            x = [
              1,
              2,
            ]
            # a comment at the end

            """
        let pieces = try #require(Self.pieces(text))
        #expect(pieces.count == 3)
        #expect(pieces.joined() == text)
        #expect(pieces[0].hasPrefix("# leading comment\n") && pieces[0].hasSuffix("} # trailing\n}\n"))
        #expect(pieces[1].hasPrefix("\n/* a block comment") && pieces[1].hasSuffix("resource \"a\" \"two\" {}\n"))
        #expect(pieces[2] == "x = [\n  1,\n  2,\n]\n# a comment at the end\n")
        // Each piece alone parses to the item the whole file has at its place.
        let whole = HCLParser.parse(Array(text.utf8), filename: "main.tf")
        let items = pieces.map { HCLParser.parse(Array($0.utf8), filename: "piece.tf").body }
        #expect(items.map { $0.blocks.count + $0.attributes.count } == [1, 1, 1])
        #expect(items.flatMap(\.blocks).map(\.labels) == whole.body.blocks.map(\.labels))
    }

    @Test("braces, newlines and markers inside strings, templates and heredocs do not cut")
    func nestedTextDoesNotCut() throws {
        let text = """
            locals {
              a = "}\\n${ { k = "}" }["k"] }"
              b = <<EOT
            }
            resource "fake" "inside" {
            EOT
              c = "%{ if true }}%{ endif }"
            }
            resource "a" "b" {
              d = (
                1
              )
            }
            """
        let pieces = try #require(Self.pieces(text))
        #expect(pieces.count == 2)
        #expect(pieces[1].hasPrefix("resource \"a\" \"b\""))
        #expect(!pieces[1].hasSuffix("\n"))
    }

    @Test(
        "text whose structure is not plain gives no cuts",
        arguments: [
            "\u{FEFF}resource \"a\" \"b\" {}\n",  // a byte order mark
            "resource \"a\" \"b\" {\n",  // unbalanced
            "}\nresource \"a\" \"b\" {}\n",  // a close before any open
            "x = \"unterminated\ny = 1\n",  // a string broken by a newline
            "x = 1 & 2\n",  // a character that starts no token
            "x = 1\n/* never closed\n",  // an unterminated comment
            "x = <<EOT\nno end marker\n",  // an unterminated heredoc
        ])
    func refusesUnclearText(text: String) {
        #expect(HCLParser.topLevelCuts(Array(text.utf8)) == nil)
    }

    @Test("an empty file and a file of comments have no cuts")
    func nothingToCut() {
        #expect(HCLParser.topLevelCuts([]) == [])
        #expect(HCLParser.topLevelCuts(Array("# a\n\n// b\n".utf8)) == [])
        #expect(HCLParser.topLevelCuts(Array("x = 1".utf8)) == [])
        #expect(HCLParser.topLevelCuts(Array("x = 1\ny = 2".utf8)) == [6])
    }
}
