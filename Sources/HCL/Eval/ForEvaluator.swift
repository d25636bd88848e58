import Model

/// Evaluates `for` expressions, shared with `%{for}` template directives for iteration order.
enum ForEvaluator {
    /// Key/value pairs in HCL's iteration order: index order for sequences, lexical key order for maps/objects,
    /// and for sets the element as both key and value.
    static func pairs(of collection: Value, _ range: SourceRange, _ ctx: EvalContext) throws(Diagnostic) -> [(Value, Value)] {
        switch collection {
        case .list(let xs), .tuple(let xs):
            return xs.enumerated().map { (.number(Double($0.offset)), $0.element) }
        case .set(let xs):
            return xs.map { ($0, $0) }
        case .map(let m), .object(let m):
            return m.keys.sorted().map { (.string($0), m[$0] ?? .null) }
        case .null:
            throw Diagnostic(
                .evaluation, "Iteration over null value: a null value cannot be used as the collection in a for expression", at: range)
        default:
            throw Diagnostic(
                .typeMismatch,
                "Iteration over non-iterable value: a \(collection.typeName) value cannot be used as the collection in a for expression",
                at: range)
        }
    }

    static func evaluate(_ f: ForExpression, _ range: SourceRange, _ ctx: EvalContext, splatItem: Value?) throws(Diagnostic) -> Value {
        let collection = try Evaluator.evaluate(f.collection, ctx, splatItem: splatItem)
        guard collection.isKnown else { return .unknown }
        let pairs = try pairs(of: collection, f.collection.range, ctx)
        guard pairs.count <= ctx.maxForIterations else {
            throw Diagnostic(
                .limitExceeded, "The for expression iterates over \(pairs.count) elements, more than the limit of \(ctx.maxForIterations)",
                at: range)
        }
        try ctx.iterations?.spend(pairs.count, for: "The for expression", at: range)
        var tupleOut: [Value] = []
        var objectOut: [String: Value] = [:]
        var groups: [String: [Value]] = [:]
        var unknown = false
        for (key, value) in pairs {
            try ctx.deadline?.check("a for expression", at: range)
            var bindings = [f.valueVariable: value]
            if let k = f.keyVariable { bindings[k] = key }
            let inner = ctx.binding(bindings)
            if let condExpr = f.condition {
                let cond = try Evaluator.evaluate(condExpr, inner, splatItem: splatItem)
                guard cond.isKnown else {
                    unknown = true
                    continue
                }
                guard case .bool(let include)? = try? Conversion.toBool(cond) else {
                    throw Diagnostic(
                        .typeMismatch, "The for expression's if clause must produce a bool, found \(cond.typeName)", at: condExpr.range)
                }
                if !include { continue }
            }
            let produced = try Evaluator.evaluate(f.valueExpression, inner, splatItem: splatItem)
            guard let keyExpr = f.keyExpression else {
                tupleOut.append(produced)
                continue
            }
            let k = try Evaluator.evaluate(keyExpr, inner, splatItem: splatItem)
            guard k.isKnown else {
                unknown = true
                continue
            }
            guard case .string(let name)? = try? Conversion.toString(k) else {
                throw Diagnostic(.typeMismatch, "The for expression's key must be a string, found \(k.typeName)", at: keyExpr.range)
            }
            if f.grouping {
                groups[name, default: []].append(produced)
            } else {
                if objectOut[name] != nil {
                    throw Diagnostic(
                        .duplicate,
                        "Duplicate object key \(Value.quote(name)) in for expression; add \"...\" after the value to group values by key",
                        at: keyExpr.range)
                }
                objectOut[name] = produced
            }
        }
        if unknown { return .unknown }
        if f.keyExpression == nil { return .tuple(tupleOut) }
        if f.grouping { return .object(groups.mapValues { .tuple($0) }) }
        return .object(objectOut)
    }
}
