/// A finding's stable identity: FNV-1a 64-bit of `checkID + "|" + resourceAddress`, as 16 lower-case hex digits.
/// Line numbers are deliberately left out so that edits elsewhere in a file do not make old findings look new.
public struct Fingerprint: Sendable, Hashable, Codable, CustomStringConvertible {
    public let hex: String

    /// The fingerprint of a check on a resource.
    public init(checkID: String, resource: String) {
        self.init(hashing: checkID + "|" + resource)
    }

    /// FNV-1a 64 of `text`: the same text gives the same digits on every run, replica and platform.
    public init(hashing text: String) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let digits = String(hash, radix: 16)
        hex = String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// A fingerprint read back from a baseline file or a stored row.
    public init(hex: String) { self.hex = hex.lowercased() }

    public init(from decoder: any Decoder) throws {
        self.init(hex: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(hex)
    }

    public var description: String { hex }
}
