import Model

/// Turns drafts into resources with deterministic addresses: the name is the sanitised label, collisions within a
/// type get `_2`, `_3`… in ARM-ID order, and references are resolved from ARM IDs (case-insensitively) to addresses.
enum LiveAddressing {
    /// Finalises `drafts` of `subscription` into resources sorted by address.
    static func resources(from drafts: [ResourceDraft], subscription: String) -> [Resource] {
        let ordered = drafts.sorted { ($0.type, $0.armID.lowercased()) < ($1.type, $1.armID.lowercased()) }
        var used: Set<String> = []
        var named: [(ResourceDraft, String)] = []
        var addressByID: [String: String] = [:]
        for draft in ordered {
            let base = terraformName(draft.label)
            var name = base
            var suffix = 2
            while used.contains("\(draft.mode.rawValue).\(draft.type).\(name)") {
                name = "\(base)_\(suffix)"
                suffix += 1
            }
            used.insert("\(draft.mode.rawValue).\(draft.type).\(name)")
            named.append((draft, name))
            let address = (draft.mode == .data ? "data." : "") + "\(draft.type).\(name)"
            addressByID[draft.armID.lowercased()] = addressByID[draft.armID.lowercased()] ?? address
        }
        return named.map { draft, name in
            let references = draft.links.compactMap { link -> Reference? in
                guard let target = addressByID[link.armID.lowercased()] else { return nil }
                return Reference(attribute: link.attribute, target: target, targetAttribute: "id")
            }
            return Resource(
                mode: draft.mode, provider: "azurerm", type: draft.type, name: name,
                origin: .live(Resource.LiveOrigin(id: draft.armID, account: subscription, region: draft.region)),
                attributes: draft.attributes, references: references)
        }
        .sorted { $0.address < $1.address }
    }

    /// A valid Terraform resource name: lowercase letters, digits, `_` and `-`, starting with a letter or `_`.
    static func terraformName(_ label: String) -> String {
        var name = String(label.lowercased().map { ch -> Character in
            ch.isASCII && (ch.isLetter || ch.isNumber || ch == "_" || ch == "-") ? ch : "_"
        })
        if name.isEmpty { name = "unnamed" }
        if let first = name.first, !(first.isLetter || first == "_") { name = "r_" + name }
        return name
    }
}
