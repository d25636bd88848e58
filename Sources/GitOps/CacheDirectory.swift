import Foundation

/// Creates the Git cache directory, and when that fails says why in terms of the path (Foundation's messages for
/// a file in the way or a read-only parent are misleading, e.g. "The file doesn't exist").
enum CacheDirectory {
    /// Creates `path` with its parents, or throws an `.io` error naming the part of the path that is in the way.
    static func create(_ path: String, operation: String) throws(GitError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw GitError(
                code: .io, message: "cannot create cache directory \(path): \(reason(path, error))",
                operation: operation, underlying: error)
        }
    }

    /// The first existing ancestor of `path` decides: a file where a directory should be, a directory this user
    /// cannot write, or a file system that refuses the first missing directory (read-only, or one like /proc).
    static func reason(_ path: String, _ error: any Error) -> String {
        var ancestor = (path as NSString).standardizingPath
        var firstMissing = ancestor
        while !ancestor.isEmpty && ancestor != "/" && !FileManager.default.fileExists(atPath: ancestor) {
            firstMissing = ancestor
            ancestor = (ancestor as NSString).deletingLastPathComponent
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: ancestor, isDirectory: &isDirectory) {
            if !isDirectory.boolValue { return "\(ancestor) is a file, not a directory" }
            if access(ancestor, W_OK) != 0 {
                return "\(ancestor) is not writable by this user (\(String(cString: strerror(errno))))"
            }
            if firstMissing != ancestor {
                // Ask the file system itself: its errno says more than Foundation's wrapper.
                if mkdir(firstMissing, 0o700) != 0 {
                    let code = errno
                    let text = String(cString: strerror(code))
                    return code == ENOENT
                        ? "the file system at \(ancestor) does not allow creating \(firstMissing) (\(text))"
                        : "cannot create \(firstMissing): \(text)"
                }
                rmdir(firstMissing)
            }
        }
        return error.localizedDescription
    }
}
