import HCL
import Model

/// The instances a `count` or `for_each` meta-argument asks for, with the names each instance can read.
struct InstanceExpansion {
    /// One instance: its key (nil when neither meta-argument is set) and the `count`/`each` bindings.
    struct Instance {
        var key: Resource.InstanceKey?
        var bindings: [String: Value]
    }

    /// How references from elsewhere see the whole set of instances.
    enum Shape {
        case single
        case counted
        case keyed
        /// `count`/`for_each` was unknown: one stand-in instance whose `count.index`/`each` are unknown.
        case unknown
    }

    var instances: [Instance] = []
    var shape: Shape = .single
    var diagnostics: [Diagnostic] = []

    init(count: Expression?, forEach: Expression?, what: String, range: SourceRange, ctx: EvalContext, maxInstances: Int) {
        if count != nil && forEach != nil {
            diagnostics.append(Diagnostic(.syntax, "\(what) sets both count and for_each; only one is allowed", at: range))
        }
        if let count {
            expandCount(count, what: what, ctx: ctx, maxInstances: maxInstances)
        } else if let forEach {
            expandForEach(forEach, what: what, ctx: ctx, maxInstances: maxInstances)
        } else {
            instances = [Instance(key: nil, bindings: [:])]
        }
    }

    private mutating func evaluate(_ e: Expression, _ ctx: EvalContext) -> Value? {
        do {
            return try Evaluator.evaluate(e, in: ctx)
        } catch {
            diagnostics.append(error)
            return nil
        }
    }

    private mutating func expandCount(_ e: Expression, what: String, ctx: EvalContext, maxInstances: Int) {
        guard let value = evaluate(e, ctx) else { return }
        if !value.isKnown {
            diagnostics.append(
                Diagnostic(
                    .evaluation, "The count of \(what) is not known until apply; it is evaluated once with count.index unknown",
                    at: e.range, severity: .warning))
            shape = .unknown
            instances = [Instance(key: nil, bindings: ["count": .object(["index": .unknown])])]
            return
        }
        guard case .number(let n)? = try? Conversion.toNumber(value) else {
            diagnostics.append(
                Diagnostic(.typeMismatch, "The count of \(what) must be a whole number, found \(value.typeName)", at: e.range))
            return
        }
        guard n == n.rounded(), n >= 0 else {
            diagnostics.append(
                Diagnostic(
                    .evaluation, "The count of \(what) must be a non-negative whole number, found \(Value.formatNumber(n))", at: e.range))
            return
        }
        guard n <= Double(maxInstances) else {
            diagnostics.append(
                Diagnostic(
                    .limitExceeded, "The count of \(what) is \(Value.formatNumber(n)), more than the limit of \(maxInstances) instances",
                    at: e.range))
            return
        }
        shape = .counted
        instances = (0..<Int(n)).map { Instance(key: .int($0), bindings: ["count": .object(["index": .number(Double($0))])]) }
    }

    private mutating func expandForEach(_ e: Expression, what: String, ctx: EvalContext, maxInstances: Int) {
        guard let value = evaluate(e, ctx) else { return }
        var pairs: [(String, Value)] = []
        switch value {
        case .unknown:
            diagnostics.append(
                Diagnostic(
                    .evaluation,
                    "The for_each of \(what) is not known until apply; it is evaluated once with each.key and each.value unknown",
                    at: e.range, severity: .warning))
            shape = .unknown
            instances = [Instance(key: nil, bindings: ["each": .object(["key": .unknown, "value": .unknown])])]
            return
        case .map(let m), .object(let m):
            pairs = m.keys.sorted().map { ($0, m[$0] ?? .null) }
        case .set(let xs), .list(let xs), .tuple(let xs):
            var isSet = true
            if case .set = value {} else { isSet = false }
            for x in xs {
                guard case .string(let s) = x else {
                    let found = x.isKnown ? x.typeName : "an unknown value"
                    diagnostics.append(
                        Diagnostic(
                            .typeMismatch, "The for_each of \(what) must be a map or a set of strings; it contains \(found)", at: e.range))
                    return
                }
                pairs.append((s, x))
            }
            if !isSet {
                diagnostics.append(
                    Diagnostic(
                        .typeMismatch,
                        "The for_each of \(what) is a \(value.typeName); Terraform requires a map or a set of strings (wrap it in toset()). It is expanded as a set here",
                        at: e.range, severity: .warning))
                var seen: Set<String> = []
                pairs = pairs.filter { seen.insert($0.0).inserted }.sorted { $0.0 < $1.0 }
            }
        case .null:
            diagnostics.append(
                Diagnostic(.evaluation, "The for_each of \(what) is null; it must be a map or a set of strings", at: e.range))
            return
        default:
            diagnostics.append(
                Diagnostic(.typeMismatch, "The for_each of \(what) must be a map or a set of strings, found \(value.typeName)", at: e.range)
            )
            return
        }
        guard pairs.count <= maxInstances else {
            diagnostics.append(
                Diagnostic(
                    .limitExceeded, "The for_each of \(what) has \(pairs.count) elements, more than the limit of \(maxInstances) instances",
                    at: e.range))
            return
        }
        shape = .keyed
        instances = pairs.map { key, v in
            Instance(key: .string(key), bindings: ["each": .object(["key": .string(key), "value": v])])
        }
    }

    /// The value references see: one object, a tuple by index, an object by key, or unknown.
    func combined(_ values: [Value]) -> Value {
        switch shape {
        case .single: return values.first ?? .null
        case .unknown: return .unknown
        case .counted: return .tuple(values)
        case .keyed:
            var out: [String: Value] = [:]
            for (i, instance) in instances.enumerated() where i < values.count {
                if case .string(let k)? = instance.key { out[k] = values[i] }
            }
            return .object(out)
        }
    }
}
