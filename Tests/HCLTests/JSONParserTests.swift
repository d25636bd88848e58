import HCL
import Model
import Testing

@Suite struct JSONParserTests {
    @Test func parsesEveryKindWithRanges() throws {
        let text = """
            {
              "a": [1, -2.5e3, true, false, null],
              "b": {"c": "d\\u00e9\\n\\ud83d\\ude00"}
            }
            """
        let node = try JSONParser.parse(text, filename: "x.json")
        #expect(
            node.value
                == .object([
                    "a": .tuple([.number(1), .number(-2500), .bool(true), .bool(false), .null]),
                    "b": .object(["c": .string("dé\n😀")]),
                ]))
        let b = try #require(node["b"])
        #expect(b.range.start == SourcePosition(line: 3, column: 8, byte: 48))
        let members = try #require(node.objectMembers)
        #expect(members[1].keyRange.start.line == 3)
        #expect(members[1].keyRange.start.column == 3)
    }

    @Test func keepsDuplicateKeysInOrder() throws {
        let node = try JSONParser.parse(#"{"k": 1, "k": 2}"#, filename: "d.json")
        #expect(node.objectMembers?.map(\.key) == ["k", "k"])
        #expect(node.value == .object(["k": .number(2)]))
    }

    @Test(arguments: [
        (#"{"a": }"#, 1, 7, "Expected a JSON value"),
        ("[1, 2", 1, 6, "end of file"),
        ("{\n  \"a\": 01\n}", 2, 9, "leading zeros"),
        (#"{"a" 1}"#, 1, 6, #"Expected ":""#),
        (#""abc"#, 1, 5, "Unterminated string"),
        (#"["\x"]"#, 1, 4, "Invalid escape"),
        ("[1] 2", 1, 5, "Extra characters"),
        ("", 1, 1, "found end of file"),
    ])
    func reportsErrorsWithPosition(_ text: String, _ line: Int, _ column: Int, _ fragment: String) {
        do {
            _ = try JSONParser.parse(text, filename: "bad.json")
            Issue.record("expected an error for \(text)")
        } catch {
            #expect(error.code == .syntax)
            #expect(error.range?.file == "bad.json")
            #expect(error.range?.start.line == line)
            #expect(error.range?.start.column == column)
            #expect(error.message.contains(fragment), "\(error.message)")
        }
    }

    @Test func rejectsInvalidUTF8AtTheBadByte() {
        let bytes: [UInt8] = Array(#"{"k": "ab"#.utf8) + [0xFF] + Array(#""}"#.utf8)
        do {
            _ = try JSONParser.parse(bytes, filename: "u.json")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .invalidUTF8)
            #expect(error.range?.start.byte == 9)
        }
    }

    @Test func boundsNestingDepthWithoutCrashing() {
        let deep = String(repeating: "[", count: 100_000)
        do {
            _ = try JSONParser.parse(deep, filename: "deep.json", maxDepth: 64)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .tooDeep)
        }
    }

    @Test func columnsCountScalarsOnLongSingleLines() throws {
        let text = #"{"é": "ü", "x": 1}"#
        let node = try JSONParser.parse(text, filename: "c.json")
        let x = try #require(node.objectMembers?[1])
        #expect(x.keyRange.start.column == 12)
        #expect(x.keyRange.start.byte == 13)
    }
}
