import Model

/// Gives every live resource a deterministic, unique address and turns edges into references: one policy for every
/// cloud, with the per-cloud naming rules that addresses already stored depend on (`aws`, `azure`).
/// An address never depends on discovery order.
struct LiveAddressing: Sendable {
    /// How resources of one type whose names sanitise alike are told apart.
    enum Collisions: Sendable {
        /// Every colliding resource gets `_` + a hash of its key (AWS).
        case hashedKey
        /// The first in key order keeps the name, the others get `_2`, `_3`… (Azure).
        case ordinal
    }

    /// The Terraform provider the resources belong to.
    let provider: String
    /// Turns a raw name into a Terraform identifier.
    let identifier: @Sendable (String) -> String
    let collisions: Collisions
    /// Whether keys compare case-insensitively (ARM IDs do, AWS keys do not).
    let caseInsensitiveKeys: Bool

    /// AWS: names keep their case, collisions get a key hash.
    static let aws = LiveAddressing(
        provider: "aws", identifier: sanitize, collisions: .hashedKey,
        caseInsensitiveKeys: false)
    /// Azure: lower-case names, collisions numbered in ARM-ID order, ARM IDs compared case-insensitively.
    static let azure = LiveAddressing(
        provider: "azurerm", identifier: terraformName, collisions: .ordinal,
        caseInsensitiveKeys: true)

    /// Finalises `live` resources of `account` into resources sorted by address.
    func resources(_ live: [LiveResource], account: String) -> [Resource] {
        let ordered = live.sorted { ($0.type, key($0.id)) < ($1.type, key($1.id)) }
        let names = collisions == .hashedKey ? hashedNames(ordered) : ordinalNames(ordered)
        var byTypedKey: [String: String] = [:]
        var byKey: [String: String] = [:]
        for (item, name) in zip(ordered, names) {
            let address = (item.mode == .data ? "data." : "") + "\(item.type).\(name)"
            byTypedKey[item.type + "\u{0}" + key(item.id)] = byTypedKey[item.type + "\u{0}" + key(item.id)] ?? address
            byKey[key(item.id)] = byKey[key(item.id)] ?? address
        }
        return zip(ordered, names).map { item, name in
            let references = item.edges.compactMap { edge -> Reference? in
                let target = edge.type.map { byTypedKey[$0 + "\u{0}" + key(edge.id)] } ?? byKey[key(edge.id)]
                return target.map { Reference(attribute: edge.attribute, target: $0, targetAttribute: "id") }
            }
            return Resource(
                mode: item.mode, provider: provider, type: item.type, name: name,
                origin: .live(Resource.LiveOrigin(id: item.originID, account: account, region: item.region)),
                attributes: item.attributes, references: references)
        }
        .sorted { $0.address < $1.address }
    }

    private func key(_ id: String) -> String { caseInsensitiveKeys ? id.lowercased() : id }

    /// Names where every member of a colliding group gets a suffix hashed from its key.
    private func hashedNames(_ live: [LiveResource]) -> [String] {
        let bases = live.map { identifier($0.name) }
        var groups: [String: [Int]] = [:]
        for (index, item) in live.enumerated() {
            groups["\(item.mode.rawValue).\(item.type).\(bases[index])", default: []].append(index)
        }
        var names = bases
        for (_, members) in groups where members.count > 1 {
            for index in members { names[index] = bases[index] + "_" + Self.shortHash(live[index].id) }
        }
        return names
    }

    /// Names where the first of a colliding group (in key order) keeps the base and the others are numbered.
    private func ordinalNames(_ live: [LiveResource]) -> [String] {
        var used: Set<String> = []
        return live.map { item in
            let base = identifier(item.name)
            var name = base
            var suffix = 2
            while used.contains("\(item.mode.rawValue).\(item.type).\(name)") {
                name = "\(base)_\(suffix)"
                suffix += 1
            }
            used.insert("\(item.mode.rawValue).\(item.type).\(name)")
            return name
        }
    }

    /// AWS identifiers: letters, digits, `_` and `-`, not starting with a digit or `-`.
    static func sanitize(_ raw: String) -> String {
        var out = String(raw.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") ? $0 : "_" })
        if out.isEmpty { out = "_" }
        if let first = out.first, first.isNumber || first == "-" { out = "_" + out }
        return out
    }

    /// Azure identifiers: lowercase letters, digits, `_` and `-`, starting with a letter or `_`.
    static func terraformName(_ label: String) -> String {
        var name = String(
            label.lowercased().map { ch -> Character in
                ch.isASCII && (ch.isLetter || ch.isNumber || ch == "_" || ch == "-") ? ch : "_"
            })
        if name.isEmpty { name = "unnamed" }
        if let first = name.first, !(first.isLetter || first == "_") { name = "r_" + name }
        return name
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
