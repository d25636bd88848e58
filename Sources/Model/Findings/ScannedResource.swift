/// A resource a scan saw: its address (qualified like finding fingerprints), type, and where it came from.
public struct ScannedResource: Sendable, Hashable, Codable {
    /// Where the resource was read. The raw values are what the store keeps.
    public enum Origin: String, Sendable, Hashable, CaseIterable, Codable {
        /// Configuration, plan or state.
        case iac
        /// The live cloud.
        case live
    }

    public var address: String
    public var type: String
    public var provider: String
    public var origin: Origin
    public var file: String?
    public var line: Int?
    public var liveID: String?
    public var region: String?

    /// Builds a resource summary.
    public init(
        address: String, type: String, provider: String, origin: Origin, file: String? = nil, line: Int? = nil,
        liveID: String? = nil, region: String? = nil
    ) {
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
