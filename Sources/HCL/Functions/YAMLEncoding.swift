import Model

/// Terraform's `yamlencode` output style (go-cty-yaml over go-yaml's emitter): double-quoted strings and
/// keys, block collections, sequences under a mapping key not indented, multi-line strings as literal
/// blocks, and long double-quoted strings folded at spaces once past column 80 as the emitter does.
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
            // go-yaml indents a root scalar's continuation lines by its best indent (2).
            lines.append(contentsOf: scalarLines(value, indent: 2, column: 0))
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
            let keyText = pad + quotedLines(key, column: indent, indent: indent, allowBreaks: false)[0] + ":"
            switch value {
            case .list(let items) where isBlock(value), .tuple(let items) where isBlock(value), .set(let items) where isBlock(value):
                lines.append(keyText)
                sequence(items, indent: indent, into: &lines)
            case .map(let nested) where isBlock(value), .object(let nested) where isBlock(value):
                lines.append(keyText)
                mapping(nested, indent: indent + 2, into: &lines)
            default:
                let rendered = scalarLines(value, indent: indent + 2, column: keyText.count + 1)
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
                let rendered = scalarLines(item, indent: indent + 2, column: indent + 2)
                lines.append(pad + "- " + rendered[0])
                lines.append(contentsOf: rendered.dropFirst())
            }
        }
    }

    /// A scalar (or empty collection) as one or more lines; continuation lines are pre-indented.
    /// `column` is where the scalar starts on its first line (the emitter folds relative to it).
    private static func scalarLines(_ value: Value, indent: Int, column: Int) -> [String] {
        switch value {
        case .null, .unknown: return ["null"]
        case .bool(let b): return [b ? "true" : "false"]
        case .number(let n): return [Value.formatNumber(n)]
        case .list, .tuple, .set: return ["[]"]
        case .map, .object: return ["{}"]
        case .string(let s):
            guard s.contains("\n"), blockAllowed(s) else {
                return quotedLines(s, column: column, indent: indent, allowBreaks: true)
            }
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
        // An indentation indicator is needed when the content itself starts with a space or line break.
        let needsHint = s.first == " " || s.first == "\n"
        var lines = ["|" + (needsHint ? "2" : "") + chomp]
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            lines.append(line.isEmpty ? "" : pad + line)
        }
        return lines
    }

    /// libyaml's analysis: literal style is refused for trailing spaces, a space before a line break,
    /// or characters that must be escaped.
    private static func blockAllowed(_ s: String) -> Bool {
        if s.hasSuffix(" ") || s.contains(" \n") { return false }
        return !s.unicodeScalars.contains { $0 != "\n" && needsEscape($0) }
    }

    /// go-yaml's is_printable/is_break/BOM test: the characters a double-quoted scalar escapes.
    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0D, 0x85, 0x2028, 0x2029, 0xFEFF: return true
        case 0x20...0x7E, 0xA0...0xD7FF, 0xE000...0xFFFD: return false
        default: return true
        }
    }

    /// A YAML double-quoted scalar as go-yaml's emitter writes it: escapes as in
    /// yaml_emitter_write_double_quoted_scalar and, when breaks are allowed, a space past column 80
    /// (not the first or last character, not after another space) becomes a line break plus indent.
    static func quotedLines(_ s: String, column start: Int, indent: Int, allowBreaks: Bool) -> [String] {
        var lines: [String] = []
        var line = "\""
        var column = start + 1
        var previousWasSpace = false
        let scalars = Array(s.unicodeScalars)
        let pad = String(repeating: " ", count: indent)
        for (i, scalar) in scalars.enumerated() {
            if needsEscape(scalar) || scalar == "\"" || scalar == "\\" {
                let escape = escaped(scalar)
                line += escape
                column += escape.count
                previousWasSpace = false
            } else if scalar == " " {
                if allowBreaks && !previousWasSpace && column > 80 && i != 0 && i != scalars.count - 1 {
                    lines.append(line)
                    line = pad
                    column = indent
                    // A following space would be swallowed by folding, so it is escaped.
                    if i + 1 < scalars.count, scalars[i + 1] == " " {
                        line += "\\"
                        column += 1
                    }
                } else {
                    line += " "
                    column += 1
                }
                previousWasSpace = true
            } else {
                line.unicodeScalars.append(scalar)
                column += 1
                previousWasSpace = false
            }
        }
        lines.append(line + "\"")
        return lines
    }

    private static func escaped(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x00: return "\\0"
        case 0x07: return "\\a"
        case 0x08: return "\\b"
        case 0x09: return "\\t"
        case 0x0A: return "\\n"
        case 0x0B: return "\\v"
        case 0x0C: return "\\f"
        case 0x0D: return "\\r"
        case 0x1B: return "\\e"
        case 0x22: return "\\\""
        case 0x5C: return "\\\\"
        case 0x85: return "\\N"
        case 0xA0: return "\\_"
        case 0x2028: return "\\L"
        case 0x2029: return "\\P"
        default:
            let (prefix, digits) = scalar.value <= 0xFF ? ("x", 2) : (scalar.value <= 0xFFFF ? ("u", 4) : ("U", 8))
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "\\" + prefix + String(repeating: "0", count: max(0, digits - hex.count)) + hex
        }
    }
}
