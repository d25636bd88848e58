import Foundation
import Store

/// Statuses the store refused (read-only or damaged database), kept beside the Git cache so `bulwark status`
/// can show the last cycle instead of the older one the database still holds. The file exists only while some
/// status is unsaved.
public struct UnsavedStatusFile: Sendable {
    /// One refused status and the store's error.
    public struct Entry: Sendable, Codable, Hashable {
        public var status: TargetStatusRecord
        public var storeError: String
    }

    public let path: String

    /// The file of the controller whose Git cache is `cacheDirectory`.
    public init(cacheDirectory: String) {
        path = (cacheDirectory as NSString).appendingPathComponent("unsaved-statuses.json")
    }

    /// The entries, by target; empty when there is no file or it cannot be read.
    public func read() -> [String: Entry] {
        guard let data = FileManager.default.contents(atPath: path),
            let entries = try? JSONDecoder().decode([Entry].self, from: data)
        else { return [:] }
        return Dictionary(entries.map { ($0.status.target, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// Replaces the file with `entries` (removes it when empty).
    func write(_ entries: [Entry]) throws {
        guard !entries.isEmpty else {
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            return
        }
        let directory = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        // Dates keep their fractions: a status is shown only when it is newer than the database's.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(entries.sorted { $0.status.target < $1.status.target }).write(
            to: URL(fileURLWithPath: path), options: .atomic)
    }
}
