import Model

/// A mapped live resource before it gets its address: references still name their targets by ARM ID, because
/// addresses are only fixed once every resource of the subscription is known.
struct ResourceDraft: Sendable {
    var mode: Resource.Mode = .managed
    var type: String
    var armID: String
    /// The name before sanitising (`rg_name`, `rg_server_rule`).
    var label: String
    var region: String?
    var attributes: [String: Value]
    /// Attribute path → ARM ID of the resource it refers to.
    var links: [Link] = []

    /// One reference by ARM ID.
    struct Link: Sendable {
        var attribute: String
        var armID: String
    }

    /// Creates a draft whose `id` attribute is the ARM ID.
    init(mode: Resource.Mode = .managed, type: String, armID: String, label: String, region: String?,
         attributes: [String: Value]) {
        self.mode = mode
        self.type = type
        self.armID = armID
        self.label = label
        self.region = region
        var attributes = attributes
        attributes["id"] = .string(armID)
        self.attributes = attributes
    }

    /// Adds a reference from `attribute` to the resource with ARM ID `armID`, when there is one.
    mutating func link(_ attribute: String, to armID: String?) {
        if let armID, !armID.isEmpty { links.append(Link(attribute: attribute, armID: armID)) }
    }
}
