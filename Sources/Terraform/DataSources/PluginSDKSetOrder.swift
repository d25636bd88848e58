/// The order in which the Terraform plugin SDK (v2) lists the elements of a set attribute, which is the order the
/// AWS provider reads `principals` and `condition` blocks in: each element is serialised
/// (`identifiers:{a;b;};type:AWS;`), hashed with CRC-32 (IEEE), and the elements are listed by the decimal text of
/// their hash, compared as strings; an element whose hash is already present is dropped.
enum PluginSDKSetOrder {
    /// `items` deduplicated by `serialized` and ordered as the SDK lists them.
    static func ordered<Item>(_ items: [Item], serialized: (Item) -> String) -> [Item] {
        var byCode: [String: Item] = [:]
        for item in items {
            let code = String(crc32(serialized(item)))
            if byCode[code] == nil { byCode[code] = item }
        }
        return byCode.keys.sorted(by: PolicyJSON.goLess).compactMap { byCode[$0] }
    }

    /// A set of strings as the SDK lists it (each string is serialised as `value;`).
    static func strings(_ values: [String]) -> [String] {
        ordered(values) { $0 + ";" }
    }

    /// CRC-32 with the IEEE polynomial, as Go's `crc32.ChecksumIEEE`.
    static func crc32(_ text: String) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in text.utf8 {
            crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
        }
        return crc ^ 0xFFFF_FFFF
    }

    private static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 {
            c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1
        }
        return c
    }
}
