import Anomaly
import Foundation
import Store

/// Ingestion cursors in the Store's `cursors` table (`<namespace>|<source>` → the cursor as JSON), so every
/// replica and every restart reads each log object once.
public struct StoreCursorStore: CursorStore {
    public let store: Store
    /// Prefix of the cursor names (the target, or `cli`), so two targets reading one bucket keep separate positions.
    public let namespace: String

    /// Cursors of `namespace` in `store`.
    public init(store: Store, namespace: String) {
        self.store = store
        self.namespace = namespace
    }

    /// The row name of `source`'s cursor.
    public func key(source: String) -> String { "anomaly|\(namespace)|\(source)" }

    /// The saved cursor, or an empty one.
    public func load(source: String) async throws(AnomalyError) -> LogCursor {
        let name = key(source: source)
        let text: String?
        do { text = try await store.cursor(name) } catch {
            throw AnomalyError(.io, "cannot read the cursor from the store: \(error)", location: name)
        }
        guard let text else { return LogCursor() }
        do { return try JSONDecoder().decode(LogCursor.self, from: Data(text.utf8)) } catch {
            throw AnomalyError(.invalidCursor, "stored cursor is not a log cursor: \(error)", location: name)
        }
    }

    /// Saves the cursor (one upsert).
    public func save(_ cursor: LogCursor, source: String) async throws(AnomalyError) {
        let name = key(source: source)
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            try await store.setCursor(name, String(decoding: try encoder.encode(cursor), as: UTF8.self))
        } catch {
            throw AnomalyError(.io, "cannot save the cursor to the store: \(error)", location: name)
        }
    }
}
