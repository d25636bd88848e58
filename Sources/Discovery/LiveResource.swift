import Model

/// A discovered object before it gets its address: identity, attributes and edges by (type, id).
struct LiveResource: Sendable {
    /// One edge: `attribute` of this resource names the resource of `type` whose key is `id`.
    struct Edge: Sendable, Hashable {
        var attribute: String
        var type: String
        var id: String
    }

    var type: String
    /// Key unique within the type (ARN, instance ID, bucket name); edges point at it.
    var id: String
    /// Human name the address is built from (bucket name, SG name + id, …).
    var name: String
    /// The provider ID in `LiveOrigin` (ARN where one exists).
    var originID: String
    var region: String?
    var attributes: [String: Value]
    var edges: [Edge] = []
}

/// Gives every live resource a deterministic, unique address and turns edges into references.
enum LiveAddressing {
    /// `<type>.<sanitized name>`; when two resources of a type sanitise to the same name, all of them get a
    /// suffix hashed from their key, so an address never depends on discovery order.
    static func resources(_ live: [LiveResource], account: String) -> [Resource] {
        var groups: [String: [Int]] = [:]
        let bases = live.map { sanitize($0.name) }
        for (index, item) in live.enumerated() { groups["\(item.type).\(bases[index])", default: []].append(index) }
        var names: [String] = bases
        for (_, members) in groups where members.count > 1 {
            for index in members { names[index] = bases[index] + "_" + shortHash(live[index].id) }
        }
        var addressByKey: [String: String] = [:]
        for (index, item) in live.enumerated() { addressByKey["\(item.type)\u{0}\(item.id)"] = "\(item.type).\(names[index])" }
        var result: [Resource] = []
        result.reserveCapacity(live.count)
        for (index, item) in live.enumerated() {
            let references = item.edges.compactMap { edge -> Reference? in
                addressByKey["\(edge.type)\u{0}\(edge.id)"].map { Reference(attribute: edge.attribute, target: $0, targetAttribute: "id") }
            }
            result.append(Resource(provider: "aws", type: item.type, name: names[index],
                                   origin: .live(Resource.LiveOrigin(id: item.originID, account: account, region: item.region)),
                                   attributes: item.attributes, references: references))
        }
        return result.sorted { $0.address < $1.address }
    }

    /// A Terraform identifier: letters, digits, `_` and `-`, not starting with a digit or `-`.
    static func sanitize(_ raw: String) -> String {
        var out = String(raw.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") ? $0 : "_" })
        if out.isEmpty { out = "_" }
        if let first = out.first, first.isNumber || first == "-" { out = "_" + out }
        return out
    }

    /// Eight hex digits of FNV-1a: stable across runs and platforms (unlike `hashValue`).
    static func shortHash(_ text: String) -> String {
        var hash: UInt32 = 0x811c_9dc5
        for byte in text.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}
