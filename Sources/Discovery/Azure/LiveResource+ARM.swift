import Model

extension LiveResource {
    /// An ARM resource: its ARM ID is key, origin and `id` attribute; `label` is the name before sanitising
    /// (`rg_name`, `rg_server_rule`).
    init(
        mode: Resource.Mode = .managed, type: String, armID: String, label: String, region: String?,
        attributes: [String: Value]
    ) {
        var attributes = attributes
        attributes["id"] = .string(armID)
        self.init(
            mode: mode, type: type, id: armID, name: label, originID: armID, region: region,
            attributes: attributes)
    }

    /// Adds a reference from `attribute` to the resource with ARM ID `armID` (of whatever type), when there is one.
    mutating func link(_ attribute: String, to armID: String?) {
        if let armID, !armID.isEmpty { edges.append(Edge(attribute: attribute, type: nil, id: armID)) }
    }
}
