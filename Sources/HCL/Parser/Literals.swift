import Model

/// Number and string literal decoding.
extension Parser {
    /// The value of a number token; malformed numbers (`1.2.3`) are reported and read as 0.
    mutating func numberValue(_ token: Token) -> Value {
        if isWellFormedNumber(token.startByte, token.endByte), let value = Double(text(token)) {
            return .number(value)
        }
        error("Invalid number literal \"\(text(token))\"", at: token)
        return .number(0)
    }

    /// digits [ "." digits* ] [ ("e"|"E") [+-] digits ] — what the lexer's greedy rule can produce that is valid.
    private func isWellFormedNumber(_ start: Int, _ end: Int) -> Bool {
        var i = start
        func digits() -> Int {
            let from = i
            while i < end, bytes[i] >= 0x30, bytes[i] <= 0x39 { i += 1 }
            return i - from
        }
        guard digits() > 0 else { return false }
        if i < end, bytes[i] == UInt8(ascii: ".") {
            i += 1
            _ = digits()
        }
        if i < end, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < end, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { return false }
        }
        return i == end
    }

    /// The text of a literal template token with escapes resolved: backslash escapes only when
    /// `quoted`; `$${` and `%%{` always.
    mutating func decodeLiteral(_ token: Token, quoted: Bool) -> String {
        let start = token.startByte
        let end = token.endByte
        var needsWork = false
        for i in start..<end {
            let b = bytes[i]
            if b == UInt8(ascii: "$") || b == UInt8(ascii: "%") || (quoted && b == UInt8(ascii: "\\")) {
                needsWork = true
                break
            }
        }
        if !needsWork { return text(start, end) }
        var out: [UInt8] = []
        out.reserveCapacity(end - start)
        var i = start
        while i < end {
            let b = bytes[i]
            if quoted && b == UInt8(ascii: "\\") {
                i = decodeEscape(at: i, end: end, into: &out)
                continue
            }
            if b == UInt8(ascii: "$") || b == UInt8(ascii: "%"), i + 2 < end,
                bytes[i + 1] == b, bytes[i + 2] == UInt8(ascii: "{")
            {
                out.append(b)
                out.append(UInt8(ascii: "{"))
                i += 3
                continue
            }
            out.append(b)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes the escape at `i` (a backslash), appending its bytes; returns the offset after it.
    private mutating func decodeEscape(at i: Int, end: Int, into out: inout [UInt8]) -> Int {
        guard i + 1 < end else {
            error("Invalid escape sequence: a backslash must be followed by an escape character", at: range(i, i + 1))
            out.append(UInt8(ascii: "\\"))
            return i + 1
        }
        let selector = bytes[i + 1]
        switch selector {
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let wanted = selector == UInt8(ascii: "u") ? 4 : 8
            var value: UInt32 = 0
            var k = i + 2
            while k < end, k < i + 2 + wanted, let digit = hexValue(bytes[k]) {
                value = value << 4 | digit
                k += 1
            }
            guard k == i + 2 + wanted else {
                error(
                    "Invalid escape sequence \"\(text(i, k))\": \\\(selector == UInt8(ascii: "u") ? "u" : "U") must be followed by \(wanted == 4 ? "four" : "eight") hexadecimal digits",
                    at: range(i, k))
                return k
            }
            guard let scalar = Unicode.Scalar(value) else {
                error("Invalid escape sequence \"\(text(i, k))\": not a Unicode character that UTF-8 can encode", at: range(i, k))
                return k
            }
            out.append(contentsOf: String(Character(scalar)).utf8)
            return k
        default:
            var k = i + 2
            while k < end, bytes[k] & 0xC0 == 0x80 { k += 1 }
            error(
                "Invalid escape sequence \"\(text(i, k))\": expected one of \\n, \\r, \\t, \\\", \\\\, \\uNNNN or \\UNNNNNNNN",
                at: range(i, k))
            out.append(contentsOf: bytes[(i + 1)..<k])
            return k
        }
        return i + 2
    }

    private func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case 0x30...0x39: return UInt32(b - 0x30)
        case 0x61...0x66: return UInt32(b - 0x61 + 10)
        case 0x41...0x46: return UInt32(b - 0x41 + 10)
        default: return nil
        }
    }
}
