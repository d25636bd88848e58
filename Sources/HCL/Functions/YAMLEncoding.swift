import Model

/// Terraform's `yamlencode` output style (go-cty-yaml): double-quoted strings and keys, block
/// collections, sequences under a mapping key not indented, multi-line strings as literal blocks.
enum YAMLEncoding {
    static func encode(_ value: Value) -> String {
        var lines: [String] = []
        // A `where` clause binds only to the last pattern of a case, so emptiness is checked by isBlock.
        switch value {
        case .list(let items) where isBlock(value), .tuple(let items) where isBlock(value), .set(let items) where isBlock(value):
            sequence(items, indent: 0, into: &lines)
        case .map(let members) where isBlock(value), .object(let members) where isBlock(value):
            mapping(members, indent: 0, into: &lines)
        default:
            lines.append(contentsOf: scalarLines(value, indent: 0))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func isBlock(_ value: Value) -> Bool {
        switch value {
        case .list(let items), .tuple(let items), .set(let items): return !items.isEmpty
        case .map(let members), .object(let members): return !members.isEmpty
        default: return false
        }
    }

    private static func mapping(_ members: [String: Value], indent: Int, into lines: inout [String]) {
        let pad = String(repeating: " ", count: indent)
        for key in members.keys.sorted() {
            let value = members[key] ?? .null
            let keyText = pad + quoted(key) + ":"
            switch value {
            case .list(let items) where isBlock(value), .tuple(let items) where isBlock(value), .set(let items) where isBlock(value):
                lines.append(keyText)
                sequence(items, indent: indent, into: &lines)
            case .map(let nested) where isBlock(value), .object(let nested) where isBlock(value):
                lines.append(keyText)
                mapping(nested, indent: indent + 2, into: &lines)
            default:
                let rendered = scalarLines(value, indent: indent + 2)
                lines.append(keyText + " " + rendered[0])
                lines.append(contentsOf: rendered.dropFirst())
            }
        }
    }

    private static func sequence(_ items: [Value], indent: Int, into lines: inout [String]) {
        let pad = String(repeating: " ", count: indent)
        for item in items {
            if isBlock(item) {
                var nested: [String] = []
                switch item {
                case .list(let inner), .tuple(let inner), .set(let inner): sequence(inner, indent: indent + 2, into: &nested)
                case .map(let members), .object(let members): mapping(members, indent: indent + 2, into: &nested)
                default: break
                }
                // The first nested line shares the dash's line: "- a: b".
                if let first = nested.first {
                    lines.append(pad + "- " + first.dropFirst(indent + 2))
                    lines.append(contentsOf: nested.dropFirst())
                }
            } else {
                let rendered = scalarLines(item, indent: indent + 2)
                lines.append(pad + "- " + rendered[0])
                lines.append(contentsOf: rendered.dropFirst())
            }
        }
    }

    /// A scalar (or empty collection) as one or more lines; continuation lines are pre-indented.
    private static func scalarLines(_ value: Value, indent: Int) -> [String] {
        switch value {
        case .null, .unknown: return ["null"]
        case .bool(let b): return [b ? "true" : "false"]
        case .number(let n): return [Value.formatNumber(n)]
        case .list, .tuple, .set: return ["[]"]
        case .map, .object: return ["{}"]
        case .string(let s):
            guard s.contains("\n"), !s.unicodeScalars.contains(where: needsEscape) else { return [quoted(s)] }
            return literalBlock(s, indent: indent)
        }
    }

    private static func literalBlock(_ s: String, indent: Int) -> [String] {
        var body = s
        var chomp = ""
        if s.hasSuffix("\n\n") || s == "\n" {
            chomp = "+"
        } else if !s.hasSuffix("\n") {
            chomp = "-"
        }
        if body.hasSuffix("\n") { body.removeLast() }
        let pad = String(repeating: " ", count: indent)
        let leadingSpace = body.first == " "
        var lines = ["|" + (leadingSpace ? "2" : "") + chomp]
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            lines.append(line.isEmpty ? "" : pad + line)
        }
        return lines
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\n") || scalar.value == 0x7F
    }

    /// A YAML double-quoted scalar with the emitter's escapes.
    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\0": out += "\\0"
            case "\u{07}": out += "\\a"
            case "\u{08}": out += "\\b"
            case "\u{0B}": out += "\\v"
            case "\u{0C}": out += "\\f"
            case "\u{1B}": out += "\\e"
            case "\u{85}": out += "\\N"
            case "\u{A0}": out += "\\_"
            case "\u{2028}": out += "\\L"
            case "\u{2029}": out += "\\P"
            case "\u{FEFF}": out += "\\uFEFF"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\x" + (hex.count == 1 ? "0" + hex : hex)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
