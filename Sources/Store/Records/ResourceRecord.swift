/// A resource a scan saw, from IaC or from the live cloud.
public struct ResourceRecord: Sendable, Hashable, Codable {
    public var address: String
    public var type: String
    public var provider: String
    /// "iac" or "live".
    public var origin: String
    public var file: String?
    public var line: Int?
    public var liveID: String?
    public var region: String?

    /// Memberwise.
    public init(address: String, type: String, provider: String, origin: String, file: String? = nil,
                line: Int? = nil, liveID: String? = nil, region: String? = nil) {
        self.address = address
        self.type = type
        self.provider = provider
        self.origin = origin
        self.file = file
        self.line = line
        self.liveID = liveID
        self.region = region
    }
}
