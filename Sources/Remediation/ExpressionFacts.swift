import HCL
import Model

/// What the planner needs to know about an expression: its literal value, the `var.`/`local.` names it reads,
/// and, when it cannot be edited safely, why.
enum ExpressionFacts {
    /// The value of a literal (numbers, strings without interpolation, bools, lists of literals); nil otherwise.
    static func literal(_ expression: Expression) -> Value? {
        switch expression.kind {
        case .literal(let v): return v
        case .template(let parts):
            var s = ""
            for part in parts {
                guard case .literal(let text) = part else { return nil }
                s += text
            }
            return .string(s)
        case .tuple(let items):
            var values: [Value] = []
            for item in items {
                guard let v = literal(item) else { return nil }
                values.append(v)
            }
            return .tuple(values)
        case .parentheses(let inner): return literal(inner)
        case .unary(.negate, let inner):
            if case .number(let n)? = literal(inner) { return .number(-n) }
            return nil
        default: return nil
        }
    }

    /// `var.NAME` or `local.NAME` when the expression is exactly that reference.
    static func symbol(_ expression: Expression) -> (root: String, name: String)? {
        switch expression.kind {
        case .getAttribute(let source, let name):
            if case .variable(let root) = source.kind, root == "var" || root == "local" { return (root, name) }
            return nil
        case .parentheses(let inner): return symbol(inner)
        case .template(let parts) where parts.count == 1:
            if case .interpolation(let inner) = parts[0] { return symbol(inner) }
            return nil
        default: return nil
        }
    }

    /// Every `var.X`/`local.X`/`each`/`count` reference inside the expression, as `var.X`, `local.X`, `each`, `count`.
    static func references(_ expression: Expression) -> Set<String> {
        var out = Set<String>()
        collect(expression, into: &out)
        return out
    }

    private static func collect(_ e: Expression, into out: inout Set<String>) {
        switch e.kind {
        case .literal, .splatItem: break
        case .variable(let name):
            if name == "each" || name == "count" { out.insert(name) }
        case .getAttribute(let source, let name):
            if case .variable(let root) = source.kind, root == "var" || root == "local" { out.insert("\(root).\(name)") }
            collect(source, into: &out)
        case .index(let a, let b):
            collect(a, into: &out)
            collect(b, into: &out)
        case .splat(let a, let b):
            collect(a, into: &out)
            collect(b, into: &out)
        case .call(_, let args, _): for a in args { collect(a, into: &out) }
        case .tuple(let items): for i in items { collect(i, into: &out) }
        case .object(let items):
            for i in items {
                collect(i.key, into: &out)
                collect(i.value, into: &out)
            }
        case .forExpression(let f):
            collect(f.collection, into: &out)
            if let k = f.keyExpression { collect(k, into: &out) }
            collect(f.valueExpression, into: &out)
            if let c = f.condition { collect(c, into: &out) }
        case .conditional(let c, let t, let f):
            collect(c, into: &out)
            collect(t, into: &out)
            collect(f, into: &out)
        case .binary(_, let a, let b):
            collect(a, into: &out)
            collect(b, into: &out)
        case .unary(_, let a), .parentheses(let a): collect(a, into: &out)
        case .template(let parts): for p in parts { collect(p, into: &out) }
        }
    }

    private static func collect(_ part: TemplatePart, into out: inout Set<String>) {
        switch part {
        case .literal: break
        case .interpolation(let e): collect(e, into: &out)
        case .ifDirective(let c, let t, let f, _):
            collect(c, into: &out)
            for p in t + f { collect(p, into: &out) }
        case .forDirective(_, _, let coll, let body, _):
            collect(coll, into: &out)
            for p in body { collect(p, into: &out) }
        }
    }

    /// Why an expression that is neither a literal nor a `var.`/`local.` reference cannot be edited.
    static func whyNotEditable(_ expression: Expression) -> String {
        let refs = references(expression)
        if refs.contains("each") || refs.contains("count") { return "the value depends on count/for_each" }
        switch expression.kind {
        case .conditional: return "the value is a conditional expression"
        case .call(let name, _, _): return "the value comes from the function call \(name)()"
        case .forExpression: return "the value is a for expression"
        case .template: return "the value is an interpolated string"
        case .getAttribute, .index, .splat, .variable: return "the value is a reference to another object"
        default: return "the value is a computed expression"
        }
    }
}
