/// How a string is written as a JSON string literal. RFC 8259 requires only `"`, `\` and the control characters to
/// be escaped; the writers that must match another implementation byte for byte differ in the rest, so each names
/// its style instead of keeping its own escaper.
public struct JSONStringEscaping: Sendable {
    /// Whether backspace and form feed are written `\b` and `\f` (as Foundation's `JSONEncoder` and Go do) rather
    /// than `\u0008` and `\u000c`.
    public let namesBackspaceAndFormFeed: Bool
    /// Whether `<`, `>`, `&`, U+2028 and U+2029 are written as `\u` escapes, as Go's `encoding/json` does (and so
    /// Terraform's `jsonencode`), so the text is safe inside HTML and JavaScript.
    public let escapesHTML: Bool
    /// Whether `/` is written `\/`, as Foundation's `JSONSerialization` does.
    public let escapesSolidus: Bool

    /// Only what RFC 8259 requires, other control characters as `\u00xx`: Bulwark's own reports.
    public static let minimal = JSONStringEscaping(namesBackspaceAndFormFeed: false, escapesHTML: false, escapesSolidus: false)
    /// Byte-identical to Foundation's `JSONEncoder` with `.withoutEscapingSlashes`.
    public static let foundation = JSONStringEscaping(namesBackspaceAndFormFeed: true, escapesHTML: false, escapesSolidus: false)
    /// Byte-identical to Foundation's `JSONSerialization`, which escapes `/` too.
    public static let serialization = JSONStringEscaping(
        namesBackspaceAndFormFeed: true, escapesHTML: false, escapesSolidus: true)
    /// Byte-identical to Go's `encoding/json` (HTML escaping on), which Terraform's `jsonencode` uses.
    public static let go = JSONStringEscaping(namesBackspaceAndFormFeed: true, escapesHTML: true, escapesSolidus: false)

    /// Appends `value`, quoted and escaped, to `out`.
    public func append(_ value: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var start = 0
            var i = 0
            while i < utf8.count {
                guard needsEscapeCheck(utf8[i]), let (sequence, length) = escapeSequence(at: i, in: utf8) else {
                    i += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i]))
                out.append(contentsOf: sequence)
                i += length
                start = i
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Appends `value`, quoted and escaped, to `out`.
    public func append(_ value: String, to out: inout String) {
        // Most strings need no escaping; appending them whole avoids a copy through bytes.
        if !value.utf8.contains(where: needsEscapeCheck) {
            out += "\""
            out += value
            out += "\""
            return
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(value.utf8.count + 16)
        append(value, to: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// Whether `byte` may start an escape in this style (U+2028 and U+2029 start with 0xE2).
    private func needsEscapeCheck(_ byte: UInt8) -> Bool {
        if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return true }
        if byte == UInt8(ascii: "/") { return escapesSolidus }
        guard escapesHTML else { return false }
        return byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&") || byte == 0xE2
    }

    /// The escape for the character at `i` and how many bytes it replaces, or nil when it is written as it is.
    private func escapeSequence(at i: Int, in utf8: UnsafeBufferPointer<UInt8>) -> ([UInt8], Int)? {
        let byte = utf8[i]
        switch byte {
        case UInt8(ascii: "\""): return (Self.named(UInt8(ascii: "\"")), 1)
        case UInt8(ascii: "\\"): return (Self.named(UInt8(ascii: "\\")), 1)
        case UInt8(ascii: "/") where escapesSolidus: return (Self.named(UInt8(ascii: "/")), 1)
        case 0x0A: return (Self.named(UInt8(ascii: "n")), 1)
        case 0x0D: return (Self.named(UInt8(ascii: "r")), 1)
        case 0x09: return (Self.named(UInt8(ascii: "t")), 1)
        case 0x08 where namesBackspaceAndFormFeed: return (Self.named(UInt8(ascii: "b")), 1)
        case 0x0C where namesBackspaceAndFormFeed: return (Self.named(UInt8(ascii: "f")), 1)
        case ..<0x20: return (Self.unicode(UInt16(byte)), 1)
        case UInt8(ascii: "<") where escapesHTML, UInt8(ascii: ">") where escapesHTML, UInt8(ascii: "&") where escapesHTML:
            return (Self.unicode(UInt16(byte)), 1)
        case 0xE2
        where escapesHTML && i + 2 < utf8.count && utf8[i + 1] == 0x80
            && (utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9):
            return (Self.unicode(utf8[i + 2] == 0xA8 ? 0x2028 : 0x2029), 3)
        default: return nil
        }
    }

    private static func named(_ letter: UInt8) -> [UInt8] { [UInt8(ascii: "\\"), letter] }

    /// `\uXXXX` with lowercase hexadecimal digits.
    private static func unicode(_ value: UInt16) -> [UInt8] {
        let hex = Array("0123456789abcdef".utf8)
        return [
            UInt8(ascii: "\\"), UInt8(ascii: "u"), hex[Int(value >> 12)], hex[Int((value >> 8) & 0xF)],
            hex[Int((value >> 4) & 0xF)], hex[Int(value & 0xF)],
        ]
    }
}
