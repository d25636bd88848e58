/// A desired resource whose live settings discovery could not read (denied, throttled, the endpoint down): its
/// drift is unknown, so it is neither in sync, changed nor missing.
public struct DriftNotRead: Sendable, Hashable {
    /// Resource type.
    public var type: String
    /// The desired resource's address.
    public var address: String
    /// The provider ID it was matched on.
    public var id: String
    /// The desired attributes whose live value was not read, sorted; empty for the whole resource.
    public var attributes: [String]
    /// The region its ARN names when that region was not read at all.
    public var region: String?

    /// Creates an entry.
    public init(type: String, address: String, id: String, attributes: [String], region: String? = nil) {
        self.type = type
        self.address = address
        self.id = id
        self.attributes = attributes
        self.region = region
    }
}
