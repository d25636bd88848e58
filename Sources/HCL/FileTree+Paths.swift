import Foundation
import Model

extension FileTree {
    /// `path` standardized as the loaders always have: `.`, `..` and `//` removed; on the disk also symbolic links
    /// resolved (Foundation's `standardizingPath`, kept so disk scans report the paths they always did), in a
    /// snapshot lexically only, so nothing outside the snapshot is consulted. Relative paths stay relative.
    public func standardizedPath(_ path: String) -> String {
        if self is DiskFileTree { return (path as NSString).standardizingPath }
        guard !path.isEmpty else { return path }
        return TreePath.clean(path)
    }

    /// `path` made absolute against the tree's working directory (or `base`), then standardized.
    public func absolutePath(_ path: String, base: String? = nil) -> String {
        let joined = path.hasPrefix("/") ? path : ((base ?? workingDirectory) as NSString).appendingPathComponent(path)
        return standardizedPath(joined)
    }
}
