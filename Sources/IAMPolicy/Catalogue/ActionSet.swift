/// A set of actions: catalogue actions as bits, plus names the catalogue does not know (lower-cased).
public struct ActionSet: Sendable, Hashable {
    var bits: [UInt64]
    /// Actions granted by name that the catalogue does not list.
    public internal(set) var unlisted: Set<String>

    /// The empty set over a catalogue of `count` actions.
    init(count: Int) {
        bits = Array(repeating: 0, count: (count + 63) / 64)
        unlisted = []
    }

    /// Whether no action is in the set.
    public var isEmpty: Bool { unlisted.isEmpty && bits.allSatisfy { $0 == 0 } }

    mutating func insert(_ index: Int) { bits[index >> 6] |= 1 << UInt64(index & 63) }

    func contains(_ index: Int) -> Bool { bits[index >> 6] & (1 << UInt64(index & 63)) != 0 }

    /// The catalogue indexes in the set.
    var indexes: [Int] {
        var out: [Int] = []
        for (w, word) in bits.enumerated() where word != 0 {
            for b in 0..<64 where word & (1 << UInt64(b)) != 0 { out.append(w * 64 + b) }
        }
        return out
    }

    /// Union.
    mutating func formUnion(_ other: ActionSet) {
        for i in bits.indices { bits[i] |= other.bits[i] }
        unlisted.formUnion(other.unlisted)
    }

    /// Elements in both.
    func intersection(_ other: ActionSet) -> ActionSet {
        var out = self
        for i in bits.indices { out.bits[i] &= other.bits[i] }
        out.unlisted.formIntersection(other.unlisted)
        return out
    }

    /// Elements of self not in other.
    func subtracting(_ other: ActionSet) -> ActionSet {
        var out = self
        for i in bits.indices { out.bits[i] &= ~other.bits[i] }
        out.unlisted.subtract(other.unlisted)
        return out
    }

    /// Whether every element of self is in other.
    func isSubset(of other: ActionSet) -> Bool { subtracting(other).isEmpty }
}
