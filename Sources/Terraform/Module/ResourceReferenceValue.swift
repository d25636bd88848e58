import HCL
import Model

/// How other expressions see a resource, data source or ephemeral instance, as opposed to the attribute tree
/// checks read. Without provider schemas an attribute the configuration leaves unset may be computed by the
/// provider, so a reference to it is unknown rather than null: the instance object and its nested block objects
/// are open (a missing member reads as unknown), an attribute set to null is unset (Terraform treats them alike),
/// and a block type whose `dynamic` generator produced nothing may be computed too.
enum ResourceReferenceValue {
    /// The value references see for one instance whose evaluated attributes are `attributes`.
    static func make(_ attributes: [String: Value], body: Body, registeringIn open: OpenObjects) -> Value {
        view(attributes, shape: BlockShape(body), open: open)
    }

    private static func view(_ members: [String: Value], shape: BlockShape, open: OpenObjects) -> Value {
        // Starts as the same storage; only members that change are written, so most instances are not copied.
        var out = members
        for (name, value) in members {
            if let nested = shape.blocks[name] {
                out[name] = blockList(value, shape: nested, open: open)
            } else if value.isNull {
                out[name] = .unknown
            }
        }
        let object = Value.object(out)
        open.insert(object)
        return object
    }

    private static func blockList(_ value: Value, shape: BlockShape, open: OpenObjects) -> Value {
        guard case .list(let items) = value else { return value.isNull ? .unknown : value }
        if items.isEmpty { return .unknown }
        return .list(
            items.map { item in
                guard case .object(let members) = item else { return item }
                return view(members, shape: shape, open: open)
            })
    }
}

/// The nested block types a body writes (statically or through `dynamic`), merged over every block of a type,
/// so the reference view can tell a block list from an attribute that happens to hold a list.
private struct BlockShape {
    var blocks: [String: BlockShape] = [:]

    init(_ body: Body) {
        for block in body.blocks {
            if block.type == "dynamic" {
                guard let name = block.labels.first else { continue }
                let content = block.body.blocks(ofType: "content").first.map { BlockShape($0.body) } ?? BlockShape()
                blocks[name, default: BlockShape()].merge(content)
            } else {
                blocks[block.type, default: BlockShape()].merge(BlockShape(block.body))
            }
        }
    }

    private init() {}

    private mutating func merge(_ other: BlockShape) {
        for (name, shape) in other.blocks { blocks[name, default: BlockShape()].merge(shape) }
    }
}
