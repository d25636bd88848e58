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

    /// The first existing ancestor of `path` decides: a file where a directory should be, or a directory this
    /// user cannot write.
    static func reason(_ path: String, _ error: any Error) -> String {
        var ancestor = (path as NSString).standardizingPath
        while !ancestor.isEmpty && ancestor != "/" && !FileManager.default.fileExists(atPath: ancestor) {
            ancestor = (ancestor as NSString).deletingLastPathComponent
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: ancestor, isDirectory: &isDirectory) {
            if !isDirectory.boolValue { return "\(ancestor) is a file, not a directory" }
            if access(ancestor, W_OK) != 0 {
                return "\(ancestor) is not writable by this user (\(String(cString: strerror(errno))))"
            }
        }
        let code = (error as NSError).userInfo[NSUnderlyingErrorKey].map { ($0 as? NSError)?.code ?? 0 } ?? 0
        return code > 0 ? String(cString: strerror(Int32(code))) : error.localizedDescription
    }
}
