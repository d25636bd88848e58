import Foundation
import Model
import Testing

@testable import HCL

/// Compact S-expression rendering of the AST so shape tests read like the source they check.
func sexpr(_ expression: HCL.Expression) -> String {
    switch expression.kind {
    case .literal(let value): return literal(value)
    case .template(let parts): return "(tmpl" + parts.map { " " + sexpr($0) }.joined() + ")"
    case .variable(let name): return name
    case .getAttribute(let source, let name): return "(. \(sexpr(source)) \(name))"
    case .index(let source, let key): return "([] \(sexpr(source)) \(sexpr(key)))"
    case .splat(let source, let each): return "(splat \(sexpr(source)) \(sexpr(each)))"
    case .splatItem: return "@"
    case .call(let name, let arguments, let expand):
        return "(call \(name)" + arguments.map { " " + sexpr($0) }.joined() + (expand ? " ...)" : ")")
    case .tuple(let items): return "(tuple" + items.map { " " + sexpr($0) }.joined() + ")"
    case .object(let items):
        return "(object"
            + items.map { " (\($0.keyIsIdentifier ? "id:" : "")\(sexpr($0.key)) \(sexpr($0.value)))" }.joined() + ")"
    case .forExpression(let loop):
        var s = "(for \(loop.keyVariable ?? "_") \(loop.valueVariable) \(sexpr(loop.collection))"
        if let key = loop.keyExpression { s += " \(sexpr(key)) =>" }
        s += " \(sexpr(loop.valueExpression))"
        if loop.grouping { s += " ..." }
        if let condition = loop.condition { s += " if \(sexpr(condition))" }
        return s + ")"
    case .conditional(let c, let t, let f): return "(? \(sexpr(c)) \(sexpr(t)) \(sexpr(f)))"
    case .binary(let op, let l, let r): return "(\(op.rawValue) \(sexpr(l)) \(sexpr(r)))"
    case .unary(let op, let operand): return "(\(op == .negate ? "neg" : "not") \(sexpr(operand)))"
    case .parentheses(let inner): return "(paren \(sexpr(inner)))"
    }
}

func sexpr(_ part: TemplatePart) -> String {
    switch part {
    case .literal(let text): return literal(.string(text))
    case .interpolation(let expression): return "${\(sexpr(expression))}"
    case .ifDirective(let condition, let then, let otherwise, _):
        return "(if \(sexpr(condition)) [\(then.map(sexpr).joined(separator: " "))] [\(otherwise.map(sexpr).joined(separator: " "))])"
    case .forDirective(let key, let value, let collection, let body, _):
        return "(for \(key ?? "_") \(value) \(sexpr(collection)) [\(body.map(sexpr).joined(separator: " "))])"
    }
}

private func literal(_ value: Value) -> String {
    switch value {
    case .null: return "null"
    case .bool(let b): return b ? "true" : "false"
    case .number(let n): return n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
    case .string(let s):
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    default: return "\(value)"
    }
}

/// Parses `source` as a whole file.
func parse(_ source: String, filename: String = "test.tf", limits: ParserLimits = ParserLimits()) -> ParsedFile {
    HCLParser.parse(Array(source.utf8), filename: filename, limits: limits)
}

/// The S-expression of attribute `a` in a one-attribute file `a = <source>`, plus any diagnostics.
func attr(_ expression: String) -> String {
    let file = parse("a = \(expression)\n")
    guard file.diagnostics.isEmpty, let attribute = file.body.attribute("a") else {
        return "ERROR: " + file.diagnostics.map(\.message).joined(separator: " | ")
    }
    return sexpr(attribute.expression)
}

/// The single expression of `source` via `parseExpression`.
func expr(_ source: String) -> String {
    let (expression, diagnostics) = HCLParser.parseExpression(Array(source.utf8), filename: "expr")
    guard let expression, diagnostics.isEmpty else {
        return "ERROR: " + diagnostics.map(\.message).joined(separator: " | ")
    }
    return sexpr(expression)
}

/// `line:column/byte` of a position, for compact range assertions.
func at(_ position: SourcePosition) -> String {
    "\(position.line):\(position.column)/\(position.byte)"
}

func span(_ range: SourceRange?) -> String {
    guard let range else { return "nil" }
    return "\(at(range.start))-\(at(range.end))"
}

/// The fixture directory copied into the test bundle.
func fixturesDirectory() throws -> URL {
    let url = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil), "Fixtures missing from bundle")
    return url.appendingPathComponent("syntax")
}

/// All `.tf` fixtures under `syntax/<kind>`, sorted by name.
func fixtureFiles(_ kind: String) throws -> [URL] {
    let directory = try fixturesDirectory().appendingPathComponent(kind)
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
    return names.filter { $0.hasSuffix(".tf") }.sorted().map { directory.appendingPathComponent($0) }
}
