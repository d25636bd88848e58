import Model

/// A JSON value written byte for byte as Foundation's `JSONSerialization` writes it with `.prettyPrinted` and
/// `.sortedKeys` (two-space indent, `" : "`, `/` escaped as `\/`, empty containers on three lines), which `fix -f json`
/// always printed; Foundation's writer sorts every object's keys with a locale-aware comparison and casts every value
/// dynamically, which costs more than planning the fixes on a large tree. Callers give object members already in
/// that order (case-insensitive, digits numerically).
indirect enum FixJSON {
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([FixJSON])
    case object([(String, FixJSON)])

    /// An array of strings.
    static func strings(_ values: [String]) -> FixJSON { .array(values.map { .string($0) }) }

    /// The document as text, without a trailing newline.
    func rendered() -> String {
        var out: [UInt8] = []
        write(into: &out, indent: 0)
        return String(decoding: out, as: UTF8.self)
    }

    private func write(into out: inout [UInt8], indent: Int) {
        switch self {
        case .bool(let value): out.append(contentsOf: (value ? "true" : "false").utf8)
        case .int(let value): out.append(contentsOf: String(value).utf8)
        case .double(let value):
            // Foundation writes the shortest round-tripping form and drops a trailing `.0`.
            var text = value.description
            if text.hasSuffix(".0") { text.removeLast(2) }
            out.append(contentsOf: text.utf8)
        case .string(let value): Self.write(value, into: &out)
        case .array(let elements):
            out.append(contentsOf: "[\n".utf8)
            for (i, element) in elements.enumerated() {
                if i > 0 { out.append(contentsOf: ",\n".utf8) }
                Self.indent(indent + 2, into: &out)
                element.write(into: &out, indent: indent + 2)
            }
            out.append(UInt8(ascii: "\n"))
            Self.indent(indent, into: &out)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(contentsOf: "{\n".utf8)
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out.append(contentsOf: ",\n".utf8) }
                Self.indent(indent + 2, into: &out)
                Self.write(key, into: &out)
                out.append(contentsOf: " : ".utf8)
                value.write(into: &out, indent: indent + 2)
            }
            out.append(UInt8(ascii: "\n"))
            Self.indent(indent, into: &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func indent(_ count: Int, into out: inout [UInt8]) {
        for _ in 0..<count { out.append(0x20) }
    }

    /// Escapes as Foundation's `JSONSerialization` does: quote, backslash and solidus; the C escapes it has names
    /// for; other control characters as `\u00xx` in lower-case hexadecimal; everything else (UTF-8 included) as it is.
    private static func write(_ string: String, into out: inout [UInt8]) {
        JSONStringEscaping.serialization.append(string, to: &out)
    }
}
