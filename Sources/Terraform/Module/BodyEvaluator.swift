import HCL
import Model

/// Turns a resource (or data, or module-call) body into an attribute tree: attributes evaluated,
/// nested blocks as lists of objects, `dynamic` blocks expanded. Errors become diagnostics and the
/// attribute becomes unknown, so one bad expression never hides the rest of the resource.
struct BodyEvaluator {
    var diagnostics: [Diagnostic] = []
    let maxInstances: Int

    init(maxInstances: Int) {
        self.maxInstances = maxInstances
    }

    mutating func evaluate(_ body: Body, _ ctx: EvalContext, skipping: Set<String> = [], blocksSkipped: Set<String> = []) -> [String: Value]
    {
        var out: [String: Value] = [:]
        out.reserveCapacity(body.attributes.count + body.blocks.count)
        for attr in body.attributes where !skipping.contains(attr.name) {
            out[attr.name] = value(of: attr.expression, ctx)
        }
        var blockLists: [String: [Value]] = [:]
        var unknownBlocks: Set<String> = []
        var blockOrder: [String] = []
        for block in body.blocks where !blocksSkipped.contains(block.type) {
            if block.type == "dynamic" {
                guard let name = block.labels.first else {
                    diagnostics.append(
                        Diagnostic(.syntax, "A dynamic block needs a label naming the block type to generate", at: block.typeRange))
                    continue
                }
                if blockLists[name] == nil { blockOrder.append(name) }
                if let generated = expandDynamic(block, name, ctx) {
                    blockLists[name, default: []].append(contentsOf: generated)
                } else {
                    blockLists[name, default: []] = blockLists[name] ?? []
                    unknownBlocks.insert(name)
                }
                continue
            }
            if blockLists[block.type] == nil { blockOrder.append(block.type) }
            blockLists[block.type, default: []].append(.object(evaluate(block.body, ctx)))
        }
        for name in blockOrder {
            out[name] = unknownBlocks.contains(name) ? .unknown : .list(blockLists[name] ?? [])
        }
        return out
    }

    mutating func value(of expression: Expression, _ ctx: EvalContext) -> Value {
        do {
            return try Evaluator.evaluate(expression, in: ctx)
        } catch {
            diagnostics.append(error)
            return .unknown
        }
    }

    /// The generated blocks, or nil when `for_each` is not yet known.
    private mutating func expandDynamic(_ block: Block, _ name: String, _ ctx: EvalContext) -> [Value]? {
        guard let forEachExpr = block.body.attribute("for_each")?.expression else {
            diagnostics.append(Diagnostic(.syntax, "The dynamic \"\(name)\" block needs a for_each argument", at: block.typeRange))
            return []
        }
        var iterator = name
        if let it = block.body.attribute("iterator")?.expression {
            switch it.kind {
            case .variable(let n): iterator = n
            case .literal(.string(let n)): iterator = n
            default:
                diagnostics.append(Diagnostic(.syntax, "The iterator of a dynamic block must be a bare name", at: it.range))
            }
        }
        guard let content = block.body.blocks(ofType: "content").first else {
            diagnostics.append(Diagnostic(.syntax, "The dynamic \"\(name)\" block needs a content block", at: block.typeRange))
            return []
        }
        let collection = value(of: forEachExpr, ctx)
        let pairs: [(Value, Value)]
        switch collection {
        case .unknown:
            return nil
        case .null:
            diagnostics.append(Diagnostic(.evaluation, "The for_each of dynamic \"\(name)\" is null", at: forEachExpr.range))
            return []
        case .list(let xs), .tuple(let xs):
            pairs = xs.enumerated().map { (.number(Double($0.offset)), $0.element) }
        case .set(let xs):
            pairs = xs.map { ($0, $0) }
        case .map(let m), .object(let m):
            pairs = m.keys.sorted().map { (.string($0), m[$0] ?? .null) }
        default:
            diagnostics.append(
                Diagnostic(
                    .typeMismatch, "The for_each of dynamic \"\(name)\" must be a collection, found \(collection.typeName)",
                    at: forEachExpr.range))
            return []
        }
        guard pairs.count <= maxInstances else {
            diagnostics.append(
                Diagnostic(
                    .limitExceeded,
                    "The dynamic \"\(name)\" block would generate \(pairs.count) blocks, more than the limit of \(maxInstances)",
                    at: forEachExpr.range))
            return []
        }
        var generated: [Value] = []
        generated.reserveCapacity(pairs.count)
        for (key, element) in pairs {
            let inner = ctx.binding([iterator: .object(["key": key, "value": element])])
            generated.append(.object(evaluate(content.body, inner)))
        }
        return generated
    }
}
