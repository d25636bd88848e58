import Foundation

/// A file of a snapshot known by its size and read only when something asks for its bytes (a file function
/// hashing a packaged artifact), then kept: a commit's large blobs cost nothing unless the configuration reads them.
public struct DeferredFile: Sendable {
    /// The file's size in bytes, known without reading it.
    public let size: Int
    private let source: Source

    /// A file of `size` bytes that `load` reads.
    public init(size: Int, load: @escaping @Sendable () -> FileTreeReadResult) {
        self.size = size
        self.source = Source(load)
    }

    /// The bytes, read on the first call (a failure is not kept: the next call tries again).
    public func read() -> FileTreeReadResult { source.read() }

    /// How many times the bytes were read from where they live (at most once once a read succeeded).
    public var loads: Int { source.loads }

    /// The loader and what it read, shared by every copy of the file.
    private final class Source: @unchecked Sendable {
        // @unchecked: `bytes` and `count` are only touched under `lock`.
        private let lock = NSLock()
        private let load: @Sendable () -> FileTreeReadResult
        private var bytes: [UInt8]?
        private var count = 0

        init(_ load: @escaping @Sendable () -> FileTreeReadResult) { self.load = load }

        func read() -> FileTreeReadResult {
            lock.lock()
            defer { lock.unlock() }
            if let bytes { return .success(bytes) }
            count += 1
            let result = load()
            if case .success(let read) = result { bytes = read }
            return result
        }

        var loads: Int {
            lock.lock()
            defer { lock.unlock() }
            return count
        }
    }
}
