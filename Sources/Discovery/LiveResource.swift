import Model

/// A discovered object before it gets its address: identity, attributes and edges by key. Addresses are fixed only
/// once every resource of the account is known (`LiveAddressing`), so edges name their targets by key, not address.
struct LiveResource: Sendable {
    /// One edge: `attribute` of this resource names the resource whose key is `id` — of `type` when given, of any
    /// type otherwise (an ARM ID is unique across types).
    struct Edge: Sendable, Hashable {
        var attribute: String
        var type: String?
        var id: String
    }

    var mode: Resource.Mode = .managed
    var type: String
    /// Key unique within the type (ARN, instance ID, bucket name, ARM ID); edges point at it.
    var id: String
    /// Human name the address is built from (bucket name, SG name + id, `rg_name`, …).
    var name: String
    /// The provider ID in `LiveOrigin` (ARN or ARM ID).
    var originID: String
    var region: String?
    var attributes: [String: Value]
    var edges: [Edge] = []

    /// Creates a live resource.
    init(
        mode: Resource.Mode = .managed, type: String, id: String, name: String, originID: String, region: String?,
        attributes: [String: Value], edges: [Edge] = []
    ) {
        self.mode = mode
        self.type = type
        self.id = id
        self.name = name
        self.originID = originID
        self.region = region
        self.attributes = attributes
        self.edges = edges
    }
}
