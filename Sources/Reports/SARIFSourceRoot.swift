import Foundation

/// The directory SARIF artifact URIs are relative to: the Git repository enclosing the scanned path (code
/// scanning resolves URIs against the repository root), or the scanned directory itself outside a repository.
public enum SARIFSourceRoot {
    /// The root for `scannedPath` (absolute); `hasGitEntry` tells whether a directory holds `.git` (a directory,
    /// or a file in worktrees and submodules), `isDirectory` whether a path is a directory.
    public static func locate(
        scanning scannedPath: String,
        hasGitEntry: (String) -> Bool = { FileManager.default.fileExists(atPath: $0 + "/.git") },
        isDirectory: (String) -> Bool = defaultIsDirectory
    ) -> String {
        let path = standardized(scannedPath)
        let start = isDirectory(path) ? path : parent(of: path)
        var dir = start
        while true {
            if hasGitEntry(dir) { return dir }
            let up = parent(of: dir)
            if up == dir { return start }
            dir = up
        }
    }

    /// Whether `path` is an existing directory on disk.
    public static func defaultIsDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }

    static func standardized(_ path: String) -> String {
        let text = (path as NSString).standardizingPath
        return text.count > 1 && text.hasSuffix("/") ? String(text.dropLast()) : text
    }

    static func parent(of path: String) -> String {
        let up = (path as NSString).deletingLastPathComponent
        return up.isEmpty ? "/" : up
    }
}
