/// The repeated values of a log object (event names and sources, principals' ARNs, user agents) as one shared
/// `String` each: reading a value again costs a hash and a compare instead of an allocation and a copy. Short
/// values (15 bytes or fewer) are stored inline by `String` and need none of this. Bounded: past `capacity`
/// distinct values, or for values longer than `maxLength`, strings are made as usual.
final class StringInterner {
    static let capacity = 4096
    static let maxLength = 256
    /// Open addressing; 0 is empty, else an index into `strings` plus one.
    var slots = [Int32](repeating: 0, count: 2 * StringInterner.capacity)
    var strings: [String] = []
    var hashes: [UInt64] = []

    init() { strings.reserveCapacity(Self.capacity) }

    /// The string of these UTF-8 bytes (which the caller has checked or will check as UTF-8).
    func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.count > 15, bytes.count <= Self.maxLength else { return String(decoding: bytes, as: UTF8.self) }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
        let mask = slots.count - 1
        var at = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
        while true {
            let slot = Int(slots[at])
            if slot == 0 { break }
            if hashes[slot - 1] == hash && Self.equal(strings[slot - 1], bytes) { return strings[slot - 1] }
            at = (at + 1) & mask
        }
        let made = String(decoding: bytes, as: UTF8.self)
        if strings.count < Self.capacity {
            strings.append(made)
            hashes.append(hash)
            slots[at] = Int32(strings.count)
        }
        return made
    }

    static func equal(_ s: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        s.utf8.withContiguousStorageIfAvailable { stored in
            stored.count == bytes.count && stored.elementsEqual(bytes)
        } ?? s.utf8.elementsEqual(bytes)
    }
}
