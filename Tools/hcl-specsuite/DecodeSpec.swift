import HCL
import Model

/// The subset of `hcldec` specs the HCL specification's conformance cases use.
indirect enum DecodeSpec {
    case object([(key: String, spec: DecodeSpec)])
    case attribute(name: String, type: TypeConstraint, required: Bool)
    case block(type: String, nested: DecodeSpec, required: Bool)
    case blockList(type: String, nested: DecodeSpec)
    case blockMap(type: String, labels: [String], nested: DecodeSpec)
    case literal(Value)

    struct SpecError: Error, CustomStringConvertible {
        var description: String
    }

    /// Reads the single root spec block of an `.hcldec` file, plus its optional `variables` block.
    static func load(_ body: Body) throws -> (DecodeSpec, [String: Value]) {
        var variables: [String: Value] = [:]
        var root: DecodeSpec?
        for block in body.blocks {
            if block.type == "variables" {
                for attr in block.body.attributes {
                    variables[attr.name] = try Evaluator.evaluate(attr.expression, in: EvalContext())
                }
                continue
            }
            root = try parse(block)
        }
        guard let root else { throw SpecError(description: "no spec block") }
        return (root, variables)
    }

    static func parse(_ block: Block) throws -> DecodeSpec {
        let label = block.labels.first
        let body = block.body
        func string(_ name: String) throws -> String? {
            guard let e = body.attribute(name)?.expression else { return nil }
            guard case .string(let s) = try Evaluator.evaluate(e, in: EvalContext()) else {
                throw SpecError(description: "\(name) must be a string")
            }
            return s
        }
        func bool(_ name: String) throws -> Bool {
            guard let e = body.attribute(name)?.expression else { return false }
            return try Evaluator.evaluate(e, in: EvalContext()) == .bool(true)
        }
        func nested() throws -> DecodeSpec {
            guard let inner = body.blocks.first else { return .object([]) }
            return try parse(inner)
        }
        switch block.type {
        case "object":
            return .object(try body.blocks.map { b in (b.labels.first ?? "", try parse(b)) })
        case "attr":
            let type = try body.attribute("type").map { try TypeConstraint.parse($0.expression) } ?? .any
            guard let name = try string("name") ?? label else { throw SpecError(description: "attr without a name") }
            return .attribute(name: name, type: type, required: try bool("required"))
        case "block":
            guard let type = try string("block_type") ?? label else { throw SpecError(description: "block without a type") }
            return .block(type: type, nested: try nested(), required: try bool("required"))
        case "block_list", "block_set":
            guard let type = try string("block_type") ?? label else { throw SpecError(description: "block_list without a type") }
            return .blockList(type: type, nested: try nested())
        case "block_map":
            guard let type = try string("block_type") ?? label else { throw SpecError(description: "block_map without a type") }
            var labels: [String] = []
            if let e = body.attribute("labels")?.expression, let items = try Evaluator.evaluate(e, in: EvalContext()).elements {
                labels = items.compactMap(\.stringValue)
            }
            return .blockMap(type: type, labels: labels, nested: try nested())
        case "literal":
            guard let e = body.attribute("value")?.expression else { throw SpecError(description: "literal without value") }
            return .literal(try Evaluator.evaluate(e, in: EvalContext()))
        default:
            throw SpecError(description: "unsupported spec \"\(block.type)\"")
        }
    }

    /// Attribute names and block types this spec reads from the body it is applied to.
    func schema(into attributes: inout Set<String>, _ blocks: inout Set<String>) {
        switch self {
        case .object(let children): for c in children { c.spec.schema(into: &attributes, &blocks) }
        case .attribute(let name, _, _): attributes.insert(name)
        case .block(let type, _, _), .blockList(let type, _), .blockMap(let type, _, _): blocks.insert(type)
        case .literal: break
        }
    }
}
