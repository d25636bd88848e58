import Model
import Testing

@testable import HCL

@Suite("Parser: hostile input and limits")
struct ParserLimitsTests {
    @Test("Invalid UTF-8 is reported at the first bad byte")
    func invalidUTF8() {
        let bytes: [UInt8] = Array("a = 1\nb = \"".utf8) + [0xC3, 0x28] + Array("\"\nc = 3\n".utf8)
        let file = HCLParser.parse(bytes, filename: "bad.tf")
        #expect(file.diagnostics.map(\.code) == [.invalidUTF8])
        #expect(span(file.diagnostics.first?.range) == "2:6/11-2:7/12")
        #expect(file.body.attribute("c") != nil)
        for bad: [UInt8] in [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]] {
            let result = HCLParser.parse(Array("# x".utf8) + bad, filename: "b.tf")
            #expect(result.diagnostics.first?.code == .invalidUTF8)
            #expect(result.diagnostics.first?.range?.start.byte == 3)
        }
    }

    @Test("NUL bytes mark a binary file, which is not parsed")
    func binary() {
        let file = HCLParser.parse([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x0D, 0x0A], filename: "image.tf")
        #expect(file.diagnostics.map(\.code) == [.binaryFile])
        #expect(file.body.attributes.isEmpty && file.body.blocks.isEmpty)
        let (expression, diagnostics) = HCLParser.parseExpression([0x31, 0x00], filename: "x")
        #expect(expression == nil && diagnostics.map(\.code) == [.binaryFile])
    }

    @Test("Files over maxFileSize are refused before parsing")
    func tooLarge() {
        let file = HCLParser.parse(
            Array(repeating: UInt8(ascii: " "), count: 101), filename: "big.tf", limits: ParserLimits(maxFileSize: 100))
        #expect(file.diagnostics.map(\.code) == [.fileTooLarge])
        #expect(file.diagnostics.first?.message.contains("101 bytes") == true)
        #expect(
            HCLParser.parse(Array(repeating: UInt8(ascii: " "), count: 100), filename: "ok.tf", limits: ParserLimits(maxFileSize: 100))
                .isValid)
        let (_, diagnostics) = HCLParser.parseTemplate(
            Array(repeating: UInt8(ascii: "x"), count: 11), filename: "t", limits: ParserLimits(maxFileSize: 10))
        #expect(diagnostics.map(\.code) == [.fileTooLarge])
    }

    @Test("Default limits accept nesting up to 128 levels", arguments: ["[", "(", "{a=", "\"${", "-", "f("])
    func nestingAtLimit(opener: String) {
        let closer: String
        switch opener {
        case "[": closer = "]"
        case "(", "f(": closer = ")"
        case "{a=": closer = "}"
        case "\"${": closer = "}\""
        default: closer = ""
        }
        let depth = 120
        let source = "a = " + String(repeating: opener, count: depth) + "1" + String(repeating: closer, count: depth) + "\n"
        let file = parse(source)
        #expect(file.isValid, "\(opener): \(file.diagnostics.first?.message ?? "")")
    }

    @Test("Deep nesting reports .tooDeep without overflowing the stack", arguments: ["[", "(", "{", "\"${", "-", "!", "x[", "f("])
    func tooDeep(opener: String) {
        let source = "before = 1\n" + "a = " + String(repeating: opener, count: 100_000) + "\nafter = 2\n"
        let file = parse(source)
        #expect(file.diagnostics.contains { $0.code == .tooDeep })
        #expect(file.body.attribute("before") != nil)
    }

    @Test("Deeply nested blocks and conditionals are limited too")
    func deepBlocksAndConditionals() {
        let blocks = String(repeating: "b {\n", count: 300) + String(repeating: "}\n", count: 300) + "after = 1\n"
        let file = parse(blocks)
        #expect(file.diagnostics.map(\.code) == [.tooDeep])
        #expect(file.body.attribute("after") != nil)
        let unclosed = parse(String(repeating: "b {\n", count: 100_000))
        #expect(unclosed.diagnostics.contains { $0.code == .tooDeep })
        let conditional = "a = " + String(repeating: "x ? 1 : ", count: 50_000) + "2\nz = 1\n"
        let result = parse(conditional)
        #expect(result.diagnostics.map(\.code) == [.tooDeep])
        #expect(result.body.attribute("z") != nil)
        #expect(parse("a = [[[1]]]\n", limits: ParserLimits(maxDepth: 2)).diagnostics.map(\.code) == [.tooDeep])
        #expect(parse("a = [[1]]\n", limits: ParserLimits(maxDepth: 2)).isValid)
    }

    @Test("Deep template directives are limited")
    func deepDirectives() {
        let source = "a = \"" + String(repeating: "%{if x}", count: 500) + String(repeating: "%{endif}", count: 500) + "\"\n"
        #expect(parse(source).diagnostics.contains { $0.code == .tooDeep })
    }

    @Test("Huge flat input parses in linear time")
    func hugeFlatInput() {
        let line = "attr_with_a_long_name = \"value\" # comment\n"
        let source = String(repeating: line, count: 50_000)
        let file = parse(source)
        #expect(file.isValid)
        #expect(file.body.attributes.count == 50_000)
        let wide = "a = [" + String(repeating: "1,", count: 200_000) + "]"
        #expect(parse(wide).isValid)
        let heredoc = "a = <<-EOT\n" + String(repeating: "  a line of an embedded script ${x}\n", count: 50_000) + "EOT\n"
        #expect(parse(heredoc).isValid)
        let oneLine = "a = {" + String(repeating: "k = \"v\", ", count: 100_000) + "}"
        #expect(parse(oneLine).isValid)
    }

    @Test("Random garbage never crashes or hangs")
    func garbage() {
        var generator = SplitMix(seed: 42)
        let alphabet = Array("ab_ -=+*/%<>!?:.,;&|~#\"\\$%{}[]()\n\t01.e<<EOT-\u{00E9}\u{1F600}'`^".unicodeScalars)
        for _ in 0..<3000 {
            let length = Int(generator.next() % 60)
            var text = ""
            for _ in 0..<length {
                text.unicodeScalars.append(alphabet[Int(generator.next() % UInt64(alphabet.count))])
            }
            _ = parse(text)
            _ = HCLParser.parseExpression(Array(text.utf8), filename: "e")
            _ = HCLParser.parseTemplate(Array(text.utf8), filename: "t")
        }
        var bytes: [UInt8] = []
        for _ in 0..<20_000 { bytes.append(UInt8(truncatingIfNeeded: generator.next())) }
        _ = HCLParser.parse(bytes, filename: "noise")
    }
}

/// Small deterministic PRNG so the garbage test is reproducible.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
