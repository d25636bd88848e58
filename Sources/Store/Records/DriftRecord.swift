/// One difference between declared and live infrastructure, found during a scan.
public struct DriftRecord: Sendable, Hashable, Codable {
    /// "drifted" (live ≠ state), "missing", "unmanaged" or "pending" (the code ≠ the state: apply needed).
    public var kind: String
    public var resourceType: String
    public var address: String
    public var liveID: String?
    public var attribute: String?
    /// JSON text.
    public var desired: String?
    /// JSON text.
    public var live: String?

    /// Memberwise.
    public init(
        kind: String, resourceType: String, address: String, liveID: String? = nil, attribute: String? = nil,
        desired: String? = nil, live: String? = nil
    ) {
        self.kind = kind
        self.resourceType = resourceType
        self.address = address
        self.liveID = liveID
        self.attribute = attribute
        self.desired = desired
        self.live = live
    }
}
