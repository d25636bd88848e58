import Checks
import Model

/// Writes values, attributes and blocks as HCL text in `terraform fmt`'s layout (two-space indent, aligned `=`).
enum HCLRenderer {
    /// The HCL literal for `value`: quoted and escaped strings, `["a", "b"]`, `{ k = v }`.
    static func literal(_ value: Value) -> String {
        switch value {
        case .null, .unknown: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return Value.formatNumber(n)
        case .string(let s): return quote(s)
        case .list(let items), .tuple(let items), .set(let items):
            return "[" + items.map(literal).joined(separator: ", ") + "]"
        case .map(let members), .object(let members):
            if members.isEmpty { return "{}" }
            let items = members.keys.sorted().map { key in
                "\(TerraformName.isValid(key) ? key : quote(key)) = \(literal(members[key] ?? .null))"
            }
            return "{ " + items.joined(separator: ", ") + " }"
        }
    }

    /// A quoted HCL string; `${` and `%{` are escaped so the text is never read as a template.
    static func quote(_ s: String) -> String {
        var out = "\""
        var previous: Character?
        for c in s {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "{" where previous == "$": out += "${"  // `$${` is a literal `${`
            case "{" where previous == "%": out += "%{"
            default: out.append(c)
            }
            previous = c
        }
        return out + "\""
    }

    /// `type "label" {` … `}` with `body` rendered one level deeper; nil when a parameter has no value.
    static func block(
        type: String, labels: [String], body: FixBody, indent: String, leading: [(name: String, text: String)] = [],
        resolve: (FixValue) -> String?
    ) -> String? {
        var out = indent + type + labels.map { " " + quote($0) }.joined() + " {\n"
        let inner = indent + "  "
        var attributes = leading
        var pendingBlocks = false
        for item in body.items {
            switch item {
            case .attribute(let name, let value):
                guard let text = resolve(value) else { return nil }
                if pendingBlocks {
                    out += alignedAttributes(attributes, indent: inner)
                    attributes = []
                    pendingBlocks = false
                }
                attributes.append((name, text))
            case .block(let name, let nested):
                out += alignedAttributes(attributes, indent: inner)
                if !attributes.isEmpty || pendingBlocks { out += "\n" }
                attributes = []
                guard let text = block(type: name, labels: [], body: nested, indent: inner, resolve: resolve) else { return nil }
                out += text
                pendingBlocks = true
            }
        }
        if pendingBlocks && !attributes.isEmpty { out += "\n" }
        out += alignedAttributes(attributes, indent: inner)
        return out + indent + "}\n"
    }

    /// Consecutive single-line attributes with their `=` aligned, as `terraform fmt` aligns a group.
    static func alignedAttributes(_ items: [(name: String, text: String)], indent: String) -> String {
        let width = items.map(\.name.unicodeScalars.count).max() ?? 0
        return items.map { item in
            indent + item.name + String(repeating: " ", count: width - item.name.unicodeScalars.count) + " = " + item.text + "\n"
        }.joined()
    }
}
