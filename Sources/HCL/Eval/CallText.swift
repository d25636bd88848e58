import Model

/// A function call written back as HCL (`file("/etc/passwd")`, `file("${path.module}/x")`), for warnings that
/// must name the expression the author wrote rather than any value it evaluated to.
enum CallText {
    /// Longest text kept; the rest is elided so a warning stays one readable line.
    static let maxLength = 200

    /// `name(arguments…)` as written.
    static func render(_ name: String, _ arguments: [Expression], expandFinal: Bool) -> String {
        let text = name + "(" + arguments.map(expression).joined(separator: ", ") + (expandFinal ? "...)" : ")")
        return text.count > maxLength ? String(text.prefix(maxLength - 1)) + "…" : text
    }

    static func expression(_ e: Expression) -> String {
        switch e.kind {
        case .literal(.string(let s)): return Formatter.goQuote(s)
        case .literal(let value): return literal(value)
        case .template(let parts): return "\"" + parts.map(part).joined() + "\""
        case .variable(let name): return name
        case .getAttribute(let source, let name): return expression(source) + "." + name
        case .index(let source, let key): return expression(source) + "[" + expression(key) + "]"
        case .splat(let source, _): return expression(source) + "[*]…"
        case .splatItem: return ""
        case .call(let name, let arguments, let expandFinal): return render(name, arguments, expandFinal: expandFinal)
        case .tuple(let items): return "[" + items.map(expression).joined(separator: ", ") + "]"
        case .object: return "{…}"
        case .forExpression: return "[for …]"
        case .conditional(let condition, let whenTrue, let whenFalse):
            return expression(condition) + " ? " + expression(whenTrue) + " : " + expression(whenFalse)
        case .binary(let op, let lhs, let rhs): return expression(lhs) + " " + op.rawValue + " " + expression(rhs)
        case .unary(let op, let operand): return op.rawValue + expression(operand)
        case .parentheses(let inner): return "(" + expression(inner) + ")"
        }
    }

    private static func part(_ part: TemplatePart) -> String {
        switch part {
        case .literal(let s):
            let quoted = Formatter.goQuote(s)
            return String(quoted.dropFirst().dropLast())
        case .interpolation(let e): return "${" + expression(e) + "}"
        case .ifDirective: return "%{if …}"
        case .forDirective: return "%{for …}"
        }
    }

    private static func literal(_ value: Value) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number:
            return (try? Conversion.toString(value)).flatMap { v -> String? in
                if case .string(let s) = v { return s }
                return nil
            } ?? "…"
        default: return "…"
        }
    }
}
