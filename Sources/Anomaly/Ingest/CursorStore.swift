import Foundation
import Model

/// Persists ingestion cursors per source, so each log object is read once across runs.
/// Async because database-backed stores (the reconcile stage's) cannot answer synchronously.
public protocol CursorStore: Sendable {
    /// The saved cursor of `source`, or an empty cursor when none was saved.
    func load(source: String) async throws(AnomalyError) -> LogCursor
    /// Saves the cursor of `source`.
    func save(_ cursor: LogCursor, source: String) async throws(AnomalyError)
}

/// A cursor store in one JSON file (`{"sources": {name: cursor}}`), replaced atomically on save.
public struct JSONFileCursorStore: CursorStore {
    public let url: URL

    /// A store in the JSON file at `url` (created on first save).
    public init(url: URL) { self.url = url }

    struct File: Codable {
        var version: Int
        var sources: [String: LogCursor]
    }

    static let version = 1

    func readFile() throws(AnomalyError) -> File {
        guard FileManager.default.fileExists(atPath: url.path) else { return File(version: Self.version, sources: [:]) }
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: Data(contentsOf: url))
        } catch {
            throw AnomalyError(.invalidCursor, "unreadable cursor file: \(error)", location: url.path)
        }
        guard file.version == Self.version else {
            throw AnomalyError(
                .unsupportedVersion, "cursor file version \(file.version); this build reads version \(Self.version)",
                location: url.path)
        }
        return file
    }

    /// The saved cursor of `source`, or an empty one.
    public func load(source: String) throws(AnomalyError) -> LogCursor {
        try readFile().sources[source] ?? LogCursor()
    }

    /// Saves the cursor of `source`, replacing the file atomically.
    public func save(_ cursor: LogCursor, source: String) throws(AnomalyError) {
        var file = try readFile()
        file.sources[source] = cursor
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try OutputFile(path: url.path).write([UInt8](encoder.encode(file)))
        } catch let error as OutputFileError {
            throw AnomalyError(.io, "cannot write cursor file: \(error)", location: url.path)
        } catch {
            throw AnomalyError(.io, "cannot write cursor file: \(error.localizedDescription)", location: url.path)
        }
    }
}
