import Model

/// A strict RFC 8259 JSON parser over bytes that records a `SourceRange` for every node.
///
/// Written by hand (rather than Foundation's `JSONSerialization`) because HCL's JSON syntax and the
/// plan reader must report file:line:column, keep member order and duplicates, and bound nesting depth.
public enum JSONParser {
    /// Parses one JSON document; throws a `.syntax`, `.invalidUTF8` or `.tooDeep` diagnostic naming the position.
    public static func parse(_ bytes: [UInt8], filename: String, maxDepth: Int = 512) throws(Diagnostic) -> JSONNode {
        try bytes.withUnsafeBufferPointer { (buffer) throws(Diagnostic) -> JSONNode in
            var reader = JSONReader(buffer: buffer, filename: filename, maxDepth: maxDepth)
            return try reader.parseDocument()
        }
    }

    /// Parses a JSON document given as a string (used by `jsondecode`).
    public static func parse(_ text: String, filename: String, maxDepth: Int = 512) throws(Diagnostic) -> JSONNode {
        try parse(Array(text.utf8), filename: filename, maxDepth: maxDepth)
    }
}

/// The cursor over the bytes; tracks line and column incrementally so single-line megabyte plans stay linear.
private struct JSONReader {
    let buffer: UnsafeBufferPointer<UInt8>
    let filename: String
    let maxDepth: Int
    var offset = 0
    var line = 1
    var lineStart = 0
    // Column cache: scalars counted from lineStart up to cachedOffset.
    var cachedOffset = 0
    var cachedColumn = 1

    init(buffer: UnsafeBufferPointer<UInt8>, filename: String, maxDepth: Int) {
        self.buffer = buffer
        self.filename = filename
        self.maxDepth = maxDepth
    }

    mutating func position() -> SourcePosition {
        if cachedOffset < lineStart || cachedOffset > offset {
            cachedOffset = lineStart
            cachedColumn = 1
        }
        var i = cachedOffset
        var col = cachedColumn
        while i < offset {
            if buffer[i] & 0xC0 != 0x80 { col += 1 }
            i += 1
        }
        cachedOffset = offset
        cachedColumn = col
        return SourcePosition(line: line, column: col, byte: offset)
    }

    mutating func error(_ message: String, code: Diagnostic.Code = .syntax) -> Diagnostic {
        let start = position()
        var end = start
        if offset < buffer.count {
            end = SourcePosition(line: start.line, column: start.column + 1, byte: start.byte + 1)
        }
        return Diagnostic(code, message, at: SourceRange(file: filename, start: start, end: end))
    }

    func describeCurrent() -> String {
        guard offset < buffer.count else { return "end of file" }
        let b = buffer[offset]
        if b == UInt8(ascii: "\n") { return "newline" }
        if b >= 0x20 && b < 0x7F { return "\"\(Character(Unicode.Scalar(b)))\"" }
        return "byte 0x" + String(b, radix: 16)
    }

    mutating func skipWhitespace() {
        while offset < buffer.count {
            switch buffer[offset] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                offset += 1
            case UInt8(ascii: "\n"):
                offset += 1
                line += 1
                lineStart = offset
            default:
                return
            }
        }
    }

    mutating func parseDocument() throws(Diagnostic) -> JSONNode {
        if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF {
            offset = 3
            lineStart = 3
            cachedOffset = 3
        }
        skipWhitespace()
        let node = try parseValue(depth: 0)
        skipWhitespace()
        if offset < buffer.count {
            throw error("Extra characters after the JSON value: found \(describeCurrent())")
        }
        return node
    }

    mutating func parseValue(depth: Int) throws(Diagnostic) -> JSONNode {
        guard depth < maxDepth else {
            throw error("JSON nesting is deeper than \(maxDepth) levels", code: .tooDeep)
        }
        guard offset < buffer.count else { throw error("Expected a JSON value, found end of file") }
        let start = position()
        switch buffer[offset] {
        case UInt8(ascii: "{"): return try parseObject(start: start, depth: depth)
        case UInt8(ascii: "["): return try parseArray(start: start, depth: depth)
        case UInt8(ascii: "\""):
            let s = try parseString()
            return JSONNode(.string(s), range: range(from: start))
        case UInt8(ascii: "t"): return try parseKeyword("true", .bool(true), start: start)
        case UInt8(ascii: "f"): return try parseKeyword("false", .bool(false), start: start)
        case UInt8(ascii: "n"): return try parseKeyword("null", .null, start: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber(start: start)
        default:
            throw error("Expected a JSON value, found \(describeCurrent())")
        }
    }

    mutating func range(from start: SourcePosition) -> SourceRange {
        SourceRange(file: filename, start: start, end: position())
    }

    mutating func parseKeyword(_ word: StaticString, _ kind: JSONNode.Kind, start: SourcePosition) throws(Diagnostic) -> JSONNode {
        let count = word.utf8CodeUnitCount
        let matches = word.withUTF8Buffer { w -> Bool in
            guard offset + count <= buffer.count else { return false }
            for i in 0..<count where buffer[offset + i] != w[i] { return false }
            return true
        }
        guard matches else { throw error("Expected a JSON value, found \(describeCurrent())") }
        offset += count
        return JSONNode(kind, range: range(from: start))
    }

    mutating func parseNumber(start: SourcePosition) throws(Diagnostic) -> JSONNode {
        let begin = offset
        if buffer[offset] == UInt8(ascii: "-") { offset += 1 }
        guard offset < buffer.count, isDigit(buffer[offset]) else {
            throw error("Expected a digit in number, found \(describeCurrent())")
        }
        if buffer[offset] == UInt8(ascii: "0") {
            offset += 1
            if offset < buffer.count, isDigit(buffer[offset]) {
                throw error("Numbers must not have leading zeros")
            }
        } else {
            while offset < buffer.count, isDigit(buffer[offset]) { offset += 1 }
        }
        if offset < buffer.count, buffer[offset] == UInt8(ascii: ".") {
            offset += 1
            guard offset < buffer.count, isDigit(buffer[offset]) else {
                throw error("Expected a digit after the decimal point, found \(describeCurrent())")
            }
            while offset < buffer.count, isDigit(buffer[offset]) { offset += 1 }
        }
        if offset < buffer.count, buffer[offset] == UInt8(ascii: "e") || buffer[offset] == UInt8(ascii: "E") {
            offset += 1
            if offset < buffer.count, buffer[offset] == UInt8(ascii: "+") || buffer[offset] == UInt8(ascii: "-") {
                offset += 1
            }
            guard offset < buffer.count, isDigit(buffer[offset]) else {
                throw error("Expected a digit in the exponent, found \(describeCurrent())")
            }
            while offset < buffer.count, isDigit(buffer[offset]) { offset += 1 }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: buffer[begin..<offset]), as: UTF8.self)
        guard let number = Double(text) else { throw error("Invalid number \(text)") }
        return JSONNode(.number(number, text: text), range: range(from: start))
    }

    func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    mutating func parseString() throws(Diagnostic) -> String {
        offset += 1  // opening quote
        let begin = offset
        // Fast path: no escapes.
        while offset < buffer.count {
            let b = buffer[offset]
            if b == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: buffer[begin..<offset])
                guard let s = String(validating: slice, as: UTF8.self) else {
                    offset = begin
                    throw invalidUTF8(in: slice, base: begin)
                }
                offset += 1
                return s
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 {
                throw error(
                    b == UInt8(ascii: "\n")
                        ? "Unterminated string: newline before closing quote" : "Control character in string must be escaped")
            }
            offset += 1
        }
        guard offset < buffer.count else { throw error("Unterminated string: found end of file") }
        var bytes = Array(UnsafeBufferPointer(rebasing: buffer[begin..<offset]))
        while offset < buffer.count {
            let b = buffer[offset]
            if b == UInt8(ascii: "\"") {
                guard let s = String(validating: bytes, as: UTF8.self) else {
                    throw error("String contains invalid UTF-8", code: .invalidUTF8)
                }
                offset += 1
                return s
            }
            if b < 0x20 {
                throw error(
                    b == UInt8(ascii: "\n")
                        ? "Unterminated string: newline before closing quote" : "Control character in string must be escaped")
            }
            if b != UInt8(ascii: "\\") {
                bytes.append(b)
                offset += 1
                continue
            }
            offset += 1
            guard offset < buffer.count else { throw error("Unterminated escape sequence") }
            let e = buffer[offset]
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): bytes.append(e)
            case UInt8(ascii: "b"): bytes.append(0x08)
            case UInt8(ascii: "f"): bytes.append(0x0C)
            case UInt8(ascii: "n"): bytes.append(0x0A)
            case UInt8(ascii: "r"): bytes.append(0x0D)
            case UInt8(ascii: "t"): bytes.append(0x09)
            case UInt8(ascii: "u"):
                offset += 1
                var scalar = try hex4()
                if (0xD800..<0xDC00).contains(scalar) {
                    // A high surrogate must be followed by an escaped low surrogate.
                    guard offset + 1 < buffer.count, buffer[offset] == UInt8(ascii: "\\"), buffer[offset + 1] == UInt8(ascii: "u") else {
                        throw error("Unpaired UTF-16 surrogate in \\u escape")
                    }
                    offset += 2
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw error("Unpaired UTF-16 surrogate in \\u escape") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00..<0xE000).contains(scalar) {
                    throw error("Unpaired UTF-16 surrogate in \\u escape")
                }
                guard let u = Unicode.Scalar(scalar) else { throw error("Invalid \\u escape") }
                bytes.append(contentsOf: Array(String(Character(u)).utf8))
                continue
            default:
                throw error("Invalid escape sequence \\\(Character(Unicode.Scalar(e)))")
            }
            offset += 1
        }
        throw error("Unterminated string: found end of file")
    }

    mutating func hex4() throws(Diagnostic) -> UInt32 {
        guard offset + 4 <= buffer.count else { throw error("Expected four hex digits after \\u") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = buffer[offset]
            let d: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(b - UInt8(ascii: "A") + 10)
            default: throw error("Expected four hex digits after \\u, found \(describeCurrent())")
            }
            v = v << 4 | d
            offset += 1
        }
        return v
    }

    /// Points the error at the first byte that breaks UTF-8 inside `slice`.
    mutating func invalidUTF8(in slice: UnsafeBufferPointer<UInt8>, base: Int) -> Diagnostic {
        var i = 0
        while i < slice.count {
            let b = slice[i]
            let length: Int
            switch b {
            case 0x00..<0x80: length = 1
            case 0xC2..<0xE0: length = 2
            case 0xE0..<0xF0: length = 3
            case 0xF0..<0xF5: length = 4
            default: length = 0
            }
            if length == 0 || i + length > slice.count
                || String(validating: UnsafeBufferPointer(rebasing: slice[i..<(i + length)]), as: UTF8.self) == nil
            {
                break
            }
            i += length
        }
        offset = base + i
        return error("Invalid UTF-8 in string", code: .invalidUTF8)
    }

    mutating func parseArray(start: SourcePosition, depth: Int) throws(Diagnostic) -> JSONNode {
        offset += 1
        var items: [JSONNode] = []
        skipWhitespace()
        if offset < buffer.count, buffer[offset] == UInt8(ascii: "]") {
            offset += 1
            return JSONNode(.array(items), range: range(from: start))
        }
        while true {
            skipWhitespace()
            items.append(try parseValue(depth: depth + 1))
            skipWhitespace()
            guard offset < buffer.count else { throw error("Expected \",\" or \"]\" in array, found end of file") }
            if buffer[offset] == UInt8(ascii: ",") {
                offset += 1
                continue
            }
            if buffer[offset] == UInt8(ascii: "]") {
                offset += 1
                return JSONNode(.array(items), range: range(from: start))
            }
            throw error("Expected \",\" or \"]\" in array, found \(describeCurrent())")
        }
    }

    mutating func parseObject(start: SourcePosition, depth: Int) throws(Diagnostic) -> JSONNode {
        offset += 1
        var members: [JSONMember] = []
        skipWhitespace()
        if offset < buffer.count, buffer[offset] == UInt8(ascii: "}") {
            offset += 1
            return JSONNode(.object(members), range: range(from: start))
        }
        while true {
            skipWhitespace()
            guard offset < buffer.count, buffer[offset] == UInt8(ascii: "\"") else {
                throw error("Expected a quoted property name, found \(describeCurrent())")
            }
            let keyStart = position()
            let key = try parseString()
            let keyRange = range(from: keyStart)
            skipWhitespace()
            guard offset < buffer.count, buffer[offset] == UInt8(ascii: ":") else {
                throw error("Expected \":\" after property name \(Value.quote(key)), found \(describeCurrent())")
            }
            offset += 1
            skipWhitespace()
            let value = try parseValue(depth: depth + 1)
            members.append(JSONMember(key: key, keyRange: keyRange, value: value))
            skipWhitespace()
            guard offset < buffer.count else { throw error("Expected \",\" or \"}\" in object, found end of file") }
            if buffer[offset] == UInt8(ascii: ",") {
                offset += 1
                continue
            }
            if buffer[offset] == UInt8(ascii: "}") {
                offset += 1
                return JSONNode(.object(members), range: range(from: start))
            }
            throw error("Expected \",\" or \"}\" in object, found \(describeCurrent())")
        }
    }
}
