import Foundation
import Model

/// What scans of earlier commits found per input, reused for a later commit whose files answer alike.
///
/// The reconcile loop scans commit after commit of the same repositories, and most commits change few files. An
/// input (a root module with the modules it calls, the files its functions read) is evaluated once; each later
/// scan asks the new snapshot the questions the evaluation asked (which files exist, what they hold, what a
/// directory lists) and reuses the findings when every answer is the same. Only scans of snapshots in memory
/// (commits) use it. Memory stays bounded: an input evaluated again replaces its entry, and the cache starts over
/// when it would hold more than `maxInputs` inputs or `maxFindings` findings.
public final class InputScanCache: @unchecked Sendable {
    /// Counters of the cache's work since it was made.
    public struct Statistics: Sendable, Equatable {
        /// Inputs loaded and evaluated (not found, or their files changed).
        public var inputsEvaluated = 0
        /// Inputs whose findings were reused.
        public var inputsReused = 0
        /// Files read by the inputs evaluated.
        public var filesRead = 0
    }

    private struct Entry {
        var observations: [RecordingFileTree.Observation]
        var scan: InputScan
    }

    /// Largest number of inputs kept.
    public let maxInputs: Int
    /// Largest number of findings kept over all inputs.
    public let maxFindings: Int
    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private var findingsKept = 0
    private var counters = Statistics()

    /// An empty cache with the given bounds.
    public init(maxInputs: Int = 4096, maxFindings: Int = 2_000_000) {
        self.maxInputs = maxInputs
        self.maxFindings = maxFindings
    }

    /// The counters so far.
    public var statistics: Statistics {
        lock.lock()
        defer { lock.unlock() }
        return counters
    }

    /// The scan stored under `key` when `tree` answers its questions alike.
    func reuse(_ key: String, in tree: MemoryFileTree) -> InputScan? {
        lock.lock()
        let entry = entries[key]
        lock.unlock()
        guard let entry, RecordingFileTree.answersAlike(entry.observations, in: tree) else { return nil }
        lock.lock()
        counters.inputsReused += 1
        lock.unlock()
        return entry.scan
    }

    /// Notes an evaluation, and keeps its scan under `key` when `keep`.
    func store(_ key: String, scan: InputScan, recorded tree: RecordingFileTree, keep: Bool) {
        let observations = tree.observations
        lock.lock()
        counters.inputsEvaluated += 1
        counters.filesRead += tree.readCount
        if let replaced = entries.removeValue(forKey: key) { findingsKept -= replaced.scan.findings.count }
        if keep, scan.findings.count <= maxFindings {
            if entries.count >= maxInputs || findingsKept + scan.findings.count > maxFindings {
                entries.removeAll()
                findingsKept = 0
            }
            entries[key] = Entry(observations: observations, scan: scan)
            findingsKept += scan.findings.count
        }
        lock.unlock()
    }
}
