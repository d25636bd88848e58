import Foundation
import Model

/// A snapshot that notes every question asked of it and the answer, so a later snapshot can be asked the same
/// questions: when every answer is the same, whatever was computed from the first is valid for the second.
///
/// Paths under the snapshot's root are noted relative to it, so two commits (each under its own root) compare
/// by content. Only snapshots in memory are wrapped: loaders treat the disk differently (links, `realpath`).
final class RecordingFileTree: FileTree, @unchecked Sendable {
    /// One question and its answer, paths relative to the root where they lie under it.
    enum Observation: Equatable {
        case read(String, maxSize: Int, FileTreeReadResult)
        case kind(String, FileKind?)
        case resolvedKind(String, FileKind?)
        case entries(String, [String]?)
        case resolvedPath(String, String?)
    }

    let base: MemoryFileTree
    private let lock = NSLock()
    private var noted: [Observation] = []
    private var reads = 0

    /// Records the questions asked of `base`.
    init(_ base: MemoryFileTree) { self.base = base }

    /// Everything asked so far, in order.
    var observations: [Observation] {
        lock.lock()
        defer { lock.unlock() }
        return noted
    }

    /// Number of file reads answered so far.
    var readCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return reads
    }

    var workingDirectory: String { base.workingDirectory }

    func read(_ path: String, maxSize: Int) -> FileTreeReadResult {
        let result = base.read(path, maxSize: maxSize)
        note(.read(Self.relative(path, root: base.root), maxSize: maxSize, result), read: true)
        return result
    }

    func kind(_ path: String) -> FileKind? {
        let result = base.kind(path)
        note(.kind(Self.relative(path, root: base.root), result))
        return result
    }

    func resolvedKind(_ path: String) -> FileKind? {
        let result = base.resolvedKind(path)
        note(.resolvedKind(Self.relative(path, root: base.root), result))
        return result
    }

    func entries(_ directory: String) -> [String]? {
        let result = base.entries(directory)
        note(.entries(Self.relative(directory, root: base.root), result))
        return result
    }

    func resolvedPath(_ path: String) -> String? {
        let result = base.resolvedPath(path)
        note(.resolvedPath(Self.relative(path, root: base.root), result.map { Self.relative($0, root: base.root) }))
        return result
    }

    private func note(_ observation: Observation, read: Bool = false) {
        lock.lock()
        noted.append(observation)
        if read { reads += 1 }
        lock.unlock()
    }

    /// Whether `tree` answers every question in `observations` as the recorded snapshot did.
    static func answersAlike(_ observations: [Observation], in tree: MemoryFileTree) -> Bool {
        let root = tree.root
        for observation in observations {
            switch observation {
            case .read(let path, let maxSize, let result):
                guard tree.read(absolute(path, root: root), maxSize: maxSize) == result else { return false }
            case .kind(let path, let result):
                guard tree.kind(absolute(path, root: root)) == result else { return false }
            case .resolvedKind(let path, let result):
                guard tree.resolvedKind(absolute(path, root: root)) == result else { return false }
            case .entries(let path, let result):
                guard tree.entries(absolute(path, root: root)) == result else { return false }
            case .resolvedPath(let path, let result):
                guard tree.resolvedPath(absolute(path, root: root)).map({ relative($0, root: root) }) == result else {
                    return false
                }
            }
        }
        return true
    }

    /// Marks a noted path as relative to the root: no path holds a NUL byte.
    private static let rootMarker = "\u{0}"

    /// `path` relative to `root`, marked as such, or unchanged when it lies elsewhere.
    static func relative(_ path: String, root: String) -> String {
        if path == root { return rootMarker }
        if path.hasPrefix(root), path.utf8.dropFirst(root.utf8.count).first == UInt8(ascii: "/") {
            return rootMarker + path.dropFirst(root.count)
        }
        return path
    }

    /// The inverse of `relative` under another root.
    static func absolute(_ noted: String, root: String) -> String {
        noted.hasPrefix(rootMarker) ? root + noted.dropFirst(rootMarker.count) : noted
    }
}
