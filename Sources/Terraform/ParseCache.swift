import Foundation
import HCL

/// Parsed files shared by every module load of one run, so a module that many root modules call is parsed once.
/// Keyed by path and display name (ranges carry the display name). Thread-safe: loads run concurrently.
public final class ParseCache: @unchecked Sendable {
    private var files: [String: ParsedFile] = [:]
    private let lock = NSLock()

    public init() {}

    func file(path: String, display: String) -> ParsedFile? {
        lock.lock()
        defer { lock.unlock() }
        return files[path + "\u{0}" + display]
    }

    func store(_ file: ParsedFile, path: String, display: String) {
        lock.lock()
        files[path + "\u{0}" + display] = file
        lock.unlock()
    }
}
