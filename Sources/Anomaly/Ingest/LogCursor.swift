/// How far ingestion has read: the last key read in each key group (a CloudTrail account/region folder
/// minus its date part). Keys within a group sort in write order (dated paths, timestamped names), but
/// groups do not sort against each other, so one global "last key" would skip a late region.
/// A group whose next object could not be fetched (throttled, 5xx, denied) also remembers that key and how many
/// cycles in a row failed on it, so the retry survives restarts and a poison object is eventually passed.
public struct LogCursor: Sendable, Hashable, Codable {
    public var lastKeyByGroup: [String: String]
    /// Per group, the object the cursor stopped before because reading it failed, with its failed-cycle count.
    public var pendingByGroup: [String: PendingRead]

    /// An object whose read failed in consecutive cycles; the cursor of its group waits before it.
    public struct PendingRead: Sendable, Hashable, Codable {
        public var key: String
        /// Consecutive cycles that failed to read `key` (1 after the first failure).
        public var failures: Int
        /// A read failure of `key` seen `failures` times in a row.
        public init(key: String, failures: Int) {
            self.key = key
            self.failures = failures
        }
    }

    /// A cursor at these positions (empty: nothing read).
    public init(lastKeyByGroup: [String: String] = [:], pendingByGroup: [String: PendingRead] = [:]) {
        self.lastKeyByGroup = lastKeyByGroup
        self.pendingByGroup = pendingByGroup
    }

    enum CodingKeys: String, CodingKey { case lastKeyByGroup, pendingByGroup }

    /// Decodes a cursor; cursors saved before pending reads existed have none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        lastKeyByGroup = try container.decode([String: String].self, forKey: .lastKeyByGroup)
        pendingByGroup = try container.decodeIfPresent([String: PendingRead].self, forKey: .pendingByGroup) ?? [:]
    }

    /// Encodes the cursor, leaving out an empty pending map so unaffected cursors keep their old shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(lastKeyByGroup, forKey: .lastKeyByGroup)
        if !pendingByGroup.isEmpty { try container.encode(pendingByGroup, forKey: .pendingByGroup) }
    }

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

    /// Records that `key` has been read (or given up on); a pending failure of that key is forgotten.
    public mutating func advance(past key: String) {
        let group = Self.group(of: key)
        if let pending = pendingByGroup[group], pending.key <= key { pendingByGroup[group] = nil }
        if let last = lastKeyByGroup[group], last >= key { return }
        lastKeyByGroup[group] = key
    }

    /// Records one more failed cycle on `key` (the count restarts when another key of the group failed before)
    /// and returns the consecutive count; the group's position does not move.
    public mutating func recordReadFailure(of key: String) -> Int {
        let group = Self.group(of: key)
        let failures = pendingByGroup[group].map { $0.key == key ? $0.failures + 1 : 1 } ?? 1
        pendingByGroup[group] = PendingRead(key: key, failures: failures)
        return failures
    }
}
