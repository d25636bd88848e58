/// How far ingestion has read: the last key read in each key group (a CloudTrail account/region folder
/// minus its date part). Keys within a group sort in write order (dated paths, timestamped names), but
/// groups do not sort against each other, so one global "last key" would skip a late region.
public struct LogCursor: Sendable, Hashable, Codable {
    public var lastKeyByGroup: [String: String]

    /// A cursor at these positions (empty: nothing read).
    public init(lastKeyByGroup: [String: String] = [:]) { self.lastKeyByGroup = lastKeyByGroup }

    /// The group of a key: its folder with a trailing `YYYY/MM/DD` removed.
    public static func group(of key: String) -> String {
        var parts = key.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        var dateParts = 0
        while let last = parts.last, dateParts < 3, !last.isEmpty, last.allSatisfy(\.isNumber) {
            parts = parts.dropLast()
            dateParts += 1
        }
        return parts.joined(separator: "/")
    }

    /// Whether `key` is after what this cursor has read.
    public func isNew(_ key: String) -> Bool {
        guard let last = lastKeyByGroup[Self.group(of: key)] else { return true }
        return key > last
    }

    /// Records that `key` has been read.
    public mutating func advance(past key: String) {
        let group = Self.group(of: key)
        if let last = lastKeyByGroup[group], last >= key { return }
        lastKeyByGroup[group] = key
    }
}
