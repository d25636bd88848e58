import Model

/// Evaluates HCL expressions to values, keeping `unknown` unknown through every operation.
public enum Evaluator {
    /// Evaluates `expression`; errors carry the range of the sub-expression at fault.
    public static func evaluate(_ expression: Expression, in context: EvalContext) throws(Diagnostic) -> Value {
        try evaluate(expression, context, splatItem: nil)
    }

    /// Renders a parsed template (as `templatefile` does) with `variables` as its only root names.
    public static func renderTemplate(_ template: Expression, variables: [String: Value], context: EvalContext) throws(Diagnostic) -> Value
    {
        var scoped = context
        scoped.variables = variables
        return try evaluate(template, scoped, splatItem: nil)
    }

    static func evaluate(_ e: Expression, _ ctx: EvalContext, splatItem: Value?) throws(Diagnostic) -> Value {
        switch e.kind {
        case .literal(let v):
            return v
        case .template(let parts):
            return try evaluateTemplate(parts, e, ctx, splatItem: splatItem)
        case .variable(let name):
            guard let v = ctx.variables[name] else {
                throw Diagnostic(.unknownReference, "Reference to undeclared name \"\(name)\"", at: e.range)
            }
            return v
        case .splatItem:
            return splatItem ?? .unknown
        case .parentheses(let inner):
            return try evaluate(inner, ctx, splatItem: splatItem)
        case .getAttribute(let source, let name):
            let base = try evaluate(source, ctx, splatItem: splatItem)
            return try getAttribute(base, name, e, ctx)
        case .index(let source, let keyExpr):
            let base = try evaluate(source, ctx, splatItem: splatItem)
            let key = try evaluate(keyExpr, ctx, splatItem: splatItem)
            return try index(base, key, e, keyRange: keyExpr.range, ctx)
        case .splat(let source, let each):
            let base = try evaluate(source, ctx, splatItem: splatItem)
            return try splat(base, each, ctx)
        case .call(let name, let arguments, let expandFinal):
            return try call(name, arguments, expandFinal, e, ctx, splatItem: splatItem)
        case .tuple(let items):
            var out: [Value] = []
            out.reserveCapacity(items.count)
            for item in items { out.append(try evaluate(item, ctx, splatItem: splatItem)) }
            return .tuple(out)
        case .object(let items):
            return try object(items, ctx, splatItem: splatItem)
        case .forExpression(let f):
            return try ForEvaluator.evaluate(f, e.range, ctx, splatItem: splatItem)
        case .conditional(let c, let t, let f):
            let condition = try evaluate(c, ctx, splatItem: splatItem)
            guard condition.isKnown else { return .unknown }
            switch condition {
            case .bool(true): return try conditionalResult(t, other: f, ctx, splatItem: splatItem)
            case .bool(false): return try conditionalResult(f, other: t, ctx, splatItem: splatItem)
            case .null:
                throw Diagnostic(.typeMismatch, "The condition value is null; conditions must be true or false", at: c.range)
            default:
                guard case .bool(let b)? = try? Conversion.toBool(condition) else {
                    throw Diagnostic(.typeMismatch, "The condition must be a bool, found \(condition.typeName)", at: c.range)
                }
                return try conditionalResult(b ? t : f, other: b ? f : t, ctx, splatItem: splatItem)
            }
        case .binary(let op, let l, let r):
            let lhs = try evaluate(l, ctx, splatItem: splatItem)
            let rhs = try evaluate(r, ctx, splatItem: splatItem)
            do {
                return try Operators.binary(op, lhs, rhs)
            } catch {
                throw Diagnostic(.evaluation, "Invalid operand for \"\(op.rawValue)\": \(error.message)", at: e.range)
            }
        case .unary(let op, let x):
            let operand = try evaluate(x, ctx, splatItem: splatItem)
            do {
                return try Operators.unary(op, operand)
            } catch {
                throw Diagnostic(.evaluation, "Invalid operand for \"\(op.rawValue)\": \(error.message)", at: e.range)
            }
        }
    }

    /// HCL gives both branches of a conditional one type (`true ? 1 : "a"` is `"1"`). Errors in the branch
    /// not taken are ignored, as HCL reports only the selected branch's; without a common type the selected
    /// value is kept as it is (Terraform would reject the configuration; a scanner still wants the value).
    static func conditionalResult(
        _ chosen: Expression, other: Expression, _ ctx: EvalContext, splatItem: Value?
    ) throws(Diagnostic) -> Value {
        let value = try evaluate(chosen, ctx, splatItem: splatItem)
        guard value.isWhollyKnown, !value.isNull,
            let otherValue = try? evaluate(other, ctx, splatItem: splatItem), otherValue.isWhollyKnown, !otherValue.isNull,
            let unified = try? Conversion.unify([value, otherValue]), let first = unified.first
        else { return value }
        return first
    }

    static func getAttribute(_ base: Value, _ name: String, _ e: Expression, _ ctx: EvalContext) throws(Diagnostic) -> Value {
        switch base {
        case .unknown:
            return .unknown
        case .object(let members), .map(let members):
            if let v = members[name] { return v }
            if case .object = base, ctx.openObjects?.contains(base) == true { return .unknown }
            if case .map = base {
                throw Diagnostic(.evaluation, "The map does not have an element with the key \"\(name)\"", at: e.range)
            }
            throw Diagnostic(.evaluation, "Unsupported attribute: this object does not have an attribute named \"\(name)\"", at: e.range)
        case .null:
            throw Diagnostic(.evaluation, "Attempt to get attribute \"\(name)\" from a null value", at: e.range)
        default:
            throw Diagnostic(.evaluation, "Unsupported attribute: a \(base.typeName) value has no attribute \"\(name)\"", at: e.range)
        }
    }

    static func index(_ base: Value, _ key: Value, _ e: Expression, keyRange: SourceRange, _ ctx: EvalContext) throws(Diagnostic) -> Value {
        guard base.isKnown, key.isKnown else { return .unknown }
        switch base {
        case .list(let items), .tuple(let items):
            guard case .number(let n)? = try? Conversion.toNumber(key) else {
                throw Diagnostic(
                    .typeMismatch, "Invalid index: a \(base.typeName) index must be a number, found \(key.typeName)", at: keyRange)
            }
            guard n == n.rounded(), n >= 0, n < Double(items.count) else {
                throw Diagnostic(
                    .evaluation,
                    "Invalid index: the given index \(Value.formatNumber(n)) is out of range for a \(base.typeName) of \(items.count) elements",
                    at: keyRange)
            }
            return items[Int(n)]
        case .map(let members), .object(let members):
            guard case .string(let k)? = try? Conversion.toString(key) else {
                throw Diagnostic(
                    .typeMismatch, "Invalid index: a \(base.typeName) key must be a string, found \(key.typeName)", at: keyRange)
            }
            if let v = members[k] { return v }
            if case .object = base, ctx.openObjects?.contains(base) == true { return .unknown }
            throw Diagnostic(.evaluation, "Invalid index: the given key \(Value.quote(k)) does not exist", at: keyRange)
        case .set:
            throw Diagnostic(
                .evaluation,
                "Invalid index: elements of a set are identified only by their value and cannot be indexed; convert with tolist() first",
                at: e.range)
        case .null:
            throw Diagnostic(.evaluation, "Invalid index: cannot index a null value", at: e.range)
        default:
            throw Diagnostic(.evaluation, "Invalid index: a \(base.typeName) value cannot be indexed", at: e.range)
        }
    }

    static func splat(_ base: Value, _ each: Expression, _ ctx: EvalContext) throws(Diagnostic) -> Value {
        let items: [Value]
        switch base {
        case .unknown: return .unknown
        case .null: return .tuple([])
        case .list(let xs), .tuple(let xs), .set(let xs): items = xs
        default: items = [base]  // HCL's splat wraps a single value in a one-element tuple.
        }
        try ctx.iterations?.spend(items.count, for: "The splat expression", at: each.range)
        var out: [Value] = []
        out.reserveCapacity(items.count)
        for item in items {
            try ctx.deadline?.check("a splat expression", at: each.range)
            out.append(try evaluate(each, ctx, splatItem: item))
        }
        if case .list = base { return .list(out) }
        return .tuple(out)
    }

    static func object(_ items: [ObjectItem], _ ctx: EvalContext, splatItem: Value?) throws(Diagnostic) -> Value {
        var members: [String: Value] = [:]
        members.reserveCapacity(items.count)
        var sawUnknownKey = false
        for item in items {
            let key: Value
            if item.keyIsIdentifier, case .literal(let lit) = item.key.kind {
                key = lit
            } else if item.keyIsIdentifier, case .variable(let name) = item.key.kind {
                key = .string(name)
            } else {
                key = try evaluate(item.key, ctx, splatItem: splatItem)
            }
            let value = try evaluate(item.value, ctx, splatItem: splatItem)
            guard key.isKnown else {
                sawUnknownKey = true
                continue
            }
            guard case .string(let k)? = try? Conversion.toString(key) else {
                throw Diagnostic(.typeMismatch, "Object keys must be strings, found \(key.typeName)", at: item.key.range)
            }
            members[k] = value
        }
        return sawUnknownKey ? .unknown : .object(members)
    }

    static func evaluateTemplate(
        _ parts: [TemplatePart], _ e: Expression, _ ctx: EvalContext, splatItem: Value?
    ) throws(Diagnostic) -> Value {
        // HCL: a template that is exactly one interpolation yields the value itself, unconverted.
        if parts.count == 1, case .interpolation(let only) = parts[0] {
            return try evaluate(only, ctx, splatItem: splatItem)
        }
        var text = ""
        var unknown = false
        try render(parts, ctx, splatItem: splatItem, into: &text, unknown: &unknown)
        return unknown ? .unknown : .string(text)
    }

    static func render(
        _ parts: [TemplatePart], _ ctx: EvalContext, splatItem: Value?, into text: inout String, unknown: inout Bool
    ) throws(Diagnostic) {
        for part in parts {
            switch part {
            case .literal(let s):
                text += s
            case .interpolation(let x):
                let v = try evaluate(x, ctx, splatItem: splatItem)
                try appendInterpolated(v, x.range, into: &text, unknown: &unknown)
            case .ifDirective(let c, let t, let f, _):
                let cond = try evaluate(c, ctx, splatItem: splatItem)
                guard cond.isKnown else {
                    unknown = true
                    continue
                }
                guard case .bool(let b)? = try? Conversion.toBool(cond) else {
                    throw Diagnostic(.typeMismatch, "The %{if} condition must be a bool, found \(cond.typeName)", at: c.range)
                }
                try render(b ? t : f, ctx, splatItem: splatItem, into: &text, unknown: &unknown)
            case .forDirective(let k, let v, let collection, let body, let range):
                let coll = try evaluate(collection, ctx, splatItem: splatItem)
                guard coll.isKnown else {
                    unknown = true
                    continue
                }
                let pairs = try ForEvaluator.pairs(of: coll, collection.range, ctx)
                guard pairs.count <= ctx.maxForIterations else {
                    throw Diagnostic(
                        .limitExceeded,
                        "The %{for} directive iterates over \(pairs.count) elements, more than the limit of \(ctx.maxForIterations)",
                        at: range)
                }
                try ctx.iterations?.spend(pairs.count, for: "The %{for} directive", at: range)
                for (key, value) in pairs {
                    try ctx.deadline?.check("a %{for} directive", at: range)
                    var bindings = [v: value]
                    if let k { bindings[k] = key }
                    try render(body, ctx.binding(bindings), splatItem: splatItem, into: &text, unknown: &unknown)
                    try checkLength(text, range)
                }
            }
        }
    }

    static func appendInterpolated(_ v: Value, _ range: SourceRange, into text: inout String, unknown: inout Bool) throws(Diagnostic) {
        switch v {
        case .unknown: unknown = true
        case .string(let s):
            text += s
            try checkLength(text, range)
        case .null:
            throw Diagnostic(.evaluation, "Invalid template interpolation value: the expression result is null", at: range)
        case .number, .bool:
            if case .string(let s)? = try? Conversion.toString(v) { text += s }
        default:
            throw Diagnostic(
                .typeMismatch, "Invalid template interpolation value: cannot include a \(v.typeName) value in a string template", at: range)
        }
    }

    /// Longest string a template or function call may produce: past it, a doubling chain of locals would only
    /// exhaust memory.
    public static let maxStringBytes = 32 << 20

    static func checkLength(_ text: String, _ range: SourceRange) throws(Diagnostic) {
        guard text.utf8.count > maxStringBytes else { return }
        throw Diagnostic(.limitExceeded, "The template renders more than the limit of \(maxStringBytes) bytes", at: range)
    }

    static func call(
        _ name: String, _ arguments: [Expression], _ expandFinal: Bool, _ e: Expression, _ ctx: EvalContext, splatItem: Value?
    ) throws(Diagnostic) -> Value {
        switch name {
        case "try": return try evaluateTry(arguments, e, ctx, splatItem: splatItem)
        case "can": return try evaluateCan(arguments, e, ctx, splatItem: splatItem)
        default: break
        }
        guard ctx.functions.function(named: name) != nil else {
            throw Diagnostic(.unknownFunction, "Call to unknown function \"\(name)\"", at: e.range)
        }
        try ctx.deadline?.check("a call to \(name)()", at: e.range)
        var values: [Value] = []
        values.reserveCapacity(arguments.count)
        for a in arguments { values.append(try evaluate(a, ctx, splatItem: splatItem)) }
        if expandFinal, let last = values.popLast() {
            switch last {
            case .unknown: return .unknown
            case .list(let xs), .tuple(let xs), .set(let xs): values.append(contentsOf: xs)
            default:
                throw Diagnostic(
                    .typeMismatch,
                    "Invalid expanding argument value: the expanding argument (indicated by ...) must be a list, tuple or set, found \(last.typeName)",
                    at: arguments.last?.range ?? e.range)
            }
        }
        do throws(FunctionError) {
            let result = try ctx.functions.call(name, arguments: values, context: ctx.functionContext)
            if case .string(let text) = result, text.utf8.count > maxStringBytes {
                throw FunctionError("the result is a string of \(text.utf8.count) bytes, more than the limit of \(maxStringBytes)")
            }
            return result
        } catch {
            if let unread = error.unread {
                ctx.warnings?.append(unreadWarning(unread, call: CallText.render(name, arguments, expandFinal: expandFinal), at: e.range))
                return .unknown
            }
            if let path = error.missingFile, let warnings = ctx.warnings, !ctx.missingFilesFail {
                warnings.append(
                    Diagnostic(
                        .io,
                        "\(name)(): no file exists at \(Formatter.goQuote(path)) (a build artifact not yet created?); the value is unknown",
                        at: e.range, severity: .warning))
                return .unknown
            }
            var range = e.range
            if let i = error.argument, i < arguments.count, !expandFinal || i < arguments.count - 1 {
                range = arguments[i].range
            }
            let code: Diagnostic.Code = error.message.hasPrefix("Call to unknown function") ? .unknownFunction : .function
            throw Diagnostic(code, "Error in function call \(name)(): \(error.message)", at: range)
        }
    }

    /// The warning for a file left unread: it names the call as written and where, never the path it resolved to.
    static func unreadWarning(_ unread: UnreadFile, call: String, at range: SourceRange) -> Diagnostic {
        switch unread {
        case .outsideReadRoots:
            return Diagnostic(
                .outsideReadRoots,
                "\(call) reads outside the directories this scan may read (the scanned repository and --allow-read); the value is unknown",
                at: range, severity: .warning)
        case .tooLarge(let limit):
            return Diagnostic(
                .fileTooLarge, "\(call) reads a file larger than the \(limit) byte limit; the value is unknown", at: range,
                severity: .warning)
        }
    }

    /// `try(a, b, …)`: the first argument that evaluates without error; unknown if that one is not yet known.
    static func evaluateTry(_ arguments: [Expression], _ e: Expression, _ ctx: EvalContext, splatItem: Value?) throws(Diagnostic) -> Value {
        guard !arguments.isEmpty else {
            throw Diagnostic(.function, "Error in function call try(): at least one argument is required", at: e.range)
        }
        var last: Diagnostic?
        var strict = ctx
        strict.missingFilesFail = true
        for a in arguments {
            do {
                let v = try evaluate(a, strict, splatItem: splatItem)
                return v.isWhollyKnown ? v : .unknown
            } catch {
                // A stopped evaluation is not a failed alternative: the next one would be stopped too.
                if error.code == .deadlineExceeded { throw error }
                last = error
            }
        }
        let reason = last.map { ": \($0.message)" } ?? ""
        throw Diagnostic(.function, "Error in function call try(): no expression succeeded\(reason)", at: e.range)
    }

    /// `can(x)`: true when `x` evaluates without error; unknown while its value is not yet known.
    static func evaluateCan(_ arguments: [Expression], _ e: Expression, _ ctx: EvalContext, splatItem: Value?) throws(Diagnostic) -> Value {
        guard arguments.count == 1 else {
            throw Diagnostic(.function, "Error in function call can(): exactly one argument is required", at: e.range)
        }
        var strict = ctx
        strict.missingFilesFail = true
        do {
            let v = try evaluate(arguments[0], strict, splatItem: splatItem)
            return v.isWhollyKnown ? .bool(true) : .unknown
        } catch {
            if error.code == .deadlineExceeded { throw error }
            return .bool(false)
        }
    }
}
