import Foundation
import IAMPolicy

/// Policy documents already read from JSON text, keyed by the text, shared by every thread of a process.
///
/// Every IAM question a check library asks of one resource reads the same policy attribute, and configurations
/// repeat the same policy text across resources and modules; decoding JSON is most of the cost of each question,
/// so each distinct text is decoded once. Memory stays bounded: texts over `maxTextBytes` are not kept, and the
/// cache is emptied when it holds `maxEntries` documents.
final class PolicyDocumentCache: @unchecked Sendable {
    /// The cache the check engine's policy predicates share.
    static let shared = PolicyDocumentCache()

    /// Largest text kept; larger ones are decoded each time.
    let maxTextBytes: Int
    /// Number of documents kept before the cache starts over.
    let maxEntries: Int
    private let lock = NSLock()
    private var documents: [String: Result<PolicyDocument, OutcomeError>] = [:]
    private var counters = (hits: 0, misses: 0)

    /// An empty cache with the given bounds.
    init(maxTextBytes: Int = 64 << 10, maxEntries: Int = 4096) {
        self.maxTextBytes = maxTextBytes
        self.maxEntries = maxEntries
    }

    /// The document `text` holds, decoded with `read` when the cache does not know it yet.
    func document(
        _ text: String, read: (String) -> Result<PolicyDocument, OutcomeError>
    ) -> Result<PolicyDocument, OutcomeError> {
        guard text.utf8.count <= maxTextBytes else { return read(text) }
        lock.lock()
        if let known = documents[text] {
            counters.hits += 1
            lock.unlock()
            return known
        }
        lock.unlock()
        // Decoded outside the lock so that both cores decode different texts at once; a text two threads decode
        // at the same moment is decoded twice, with the same result.
        let result = read(text)
        lock.lock()
        counters.misses += 1
        if documents.count >= maxEntries { documents.removeAll(keepingCapacity: true) }
        documents[text] = result
        lock.unlock()
        return result
    }

    /// Lookups answered from the cache and lookups that decoded the text, since the process started.
    var statistics: (hits: Int, misses: Int) {
        lock.lock()
        defer { lock.unlock() }
        return counters
    }
}
