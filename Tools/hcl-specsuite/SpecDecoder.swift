import HCL
import Model

/// Applies a `DecodeSpec` to a parsed body, as `hcldec` does, collecting diagnostics.
struct SpecDecoder {
    var diagnostics: [Diagnostic] = []
    let context: EvalContext

    mutating func decode(_ body: Body, _ spec: DecodeSpec) -> Value {
        var attributes: Set<String> = []
        var blocks: Set<String> = []
        spec.schema(into: &attributes, &blocks)
        for attr in body.attributes where !attributes.contains(attr.name) {
            diagnostics.append(Diagnostic(.syntax, "An argument named \"\(attr.name)\" is not expected here", at: attr.nameRange))
        }
        for block in body.blocks where !blocks.contains(block.type) {
            diagnostics.append(Diagnostic(.syntax, "Blocks of type \"\(block.type)\" are not expected here", at: block.typeRange))
        }
        return value(body, spec)
    }

    private mutating func value(_ body: Body, _ spec: DecodeSpec) -> Value {
        switch spec {
        case .literal(let v):
            return v
        case .object(let children):
            var out: [String: Value] = [:]
            for child in children { out[child.key] = value(body, child.spec) }
            return .object(out)
        case .attribute(let name, let type, let required):
            guard let attr = body.attribute(name) else {
                if required { diagnostics.append(Diagnostic(.syntax, "The argument \"\(name)\" is required", at: body.range)) }
                return .null
            }
            do {
                let v = try Evaluator.evaluate(attr.expression, in: context)
                return try Conversion.convert(v, to: type)
            } catch let d as Diagnostic {
                diagnostics.append(d)
            } catch {
                diagnostics.append(Diagnostic(.typeMismatch, "\(error)", at: attr.expression.range))
            }
            return .unknown
        case .block(let type, let nested, let required):
            let found = body.blocks(ofType: type)
            if found.count > 1 {
                diagnostics.append(Diagnostic(.duplicate, "Only one \"\(type)\" block is allowed", at: found[1].typeRange))
            }
            guard let first = found.first else {
                if required { diagnostics.append(Diagnostic(.syntax, "A block of type \"\(type)\" is required", at: body.range)) }
                return .null
            }
            return decode(first.body, nested)
        case .blockList(let type, let nested):
            var items: [Value] = []
            for b in body.blocks(ofType: type) { items.append(decode(b.body, nested)) }
            return .list(items)
        case .blockMap(let type, let labels, let nested):
            var out: [String: Value] = [:]
            for b in body.blocks(ofType: type) {
                guard b.labels.count == labels.count else {
                    diagnostics.append(Diagnostic(.syntax, "A \"\(type)\" block needs \(labels.count) labels", at: b.typeRange))
                    continue
                }
                insert(decode(b.body, nested), at: b.labels[...], into: &out)
            }
            return .map(out)
        }
    }

    private func insert(_ v: Value, at labels: ArraySlice<String>, into map: inout [String: Value]) {
        guard let first = labels.first else { return }
        if labels.count == 1 {
            map[first] = v
            return
        }
        var inner = map[first]?.members ?? [:]
        insert(v, at: labels.dropFirst(), into: &inner)
        map[first] = .map(inner)
    }
}
